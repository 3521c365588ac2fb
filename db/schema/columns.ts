import { customType } from "drizzle-orm/pg-core";

/** Raw bytes (certificates, sealed keys, packages), read back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
