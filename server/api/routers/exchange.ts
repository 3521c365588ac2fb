import { outboxQuery, outboxRetry, peerInput } from "@/lib/schemas/exchange";
import {
  exchangeIdentity,
  listOutbox,
  listPeers,
  retryMessage,
  savePeer,
} from "../../exchange/peers";
import { permissionProcedure, router } from "../trpc";

const manage = permissionProcedure("exchange.manage");

export const exchangeRouter = router({
  /** This deployment as its peers set it up: its inbox address and root certificate. */
  identity: manage.query(({ ctx }) => exchangeIdentity(ctx.db, ctx.actor)),

  /** The peer deployments, the organisations each hosts and what waits to go to each. */
  peers: manage.query(({ ctx }) => listPeers(ctx.db, ctx.actor)),

  /** Adds or changes a peer and the organisations it hosts. */
  savePeer: manage
    .input(peerInput)
    .mutation(({ ctx, input }) => savePeer(ctx.db, ctx.actor, input)),

  /** The outbox: waiting, failed with the reason, sent. */
  outbox: manage.input(outboxQuery).query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),

  /** Sends a failed message again now. */
  retry: manage
    .input(outboxRetry)
    .mutation(({ ctx, input }) => retryMessage(ctx.db, ctx.actor, input)),
});
