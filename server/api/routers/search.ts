import { linkableDocumentsInput, searchDocumentsInput } from "@/lib/schemas/search";
import { searchDocuments } from "../../search/documents";
import { linkableDocuments } from "../../search/linkable";
import { permissionProcedure, router } from "../trpc";

export const searchRouter = router({
  documents: permissionProcedure("incoming.read")
    .input(searchDocumentsInput)
    .query(({ ctx, input }) => searchDocuments(ctx.db, ctx.actor, input)),

  /** Incoming and issued documents the caller sees, to link a task to. */
  linkable: permissionProcedure("incoming.read")
    .input(linkableDocumentsInput)
    .query(({ ctx, input }) => linkableDocuments(ctx.db, ctx.actor, input)),
});
