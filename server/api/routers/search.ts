import { searchDocumentsInput } from "@/lib/schemas/search";
import { searchDocuments } from "../../search/documents";
import { permissionProcedure, router } from "../trpc";

export const searchRouter = router({
  documents: permissionProcedure("incoming.read")
    .input(searchDocumentsInput)
    .query(({ ctx, input }) => searchDocuments(ctx.db, ctx.actor, input)),
});
