import { z } from '../shared/zod';

/** A profile edit being typed, as kept in `session` storage until it is saved or discarded. */
export const draftSchema = z.object({
  values: z.record(z.string(), z.string()),
  /** The id of the save in flight, if the popup closed while saving. */
  editId: z.nullable(z.string()),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;
