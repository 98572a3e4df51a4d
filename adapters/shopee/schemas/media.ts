import { z } from 'zod';
import { envelope } from './common.js';

const ImageInfo = z.looseObject({
  image_id: z.string().min(1),
  image_url_list: z.array(z.looseObject({ image_url_region: z.string().optional(), image_url: z.string().optional() })).default([]),
});

export const UploadImageResponseSchema = envelope(
  z.looseObject({
    image_info: ImageInfo.optional(),
    image_info_list: z
      .array(z.looseObject({ id: z.number().optional(), error: z.string().optional(), message: z.string().optional(), image_info: ImageInfo.optional() }))
      .optional(),
  }),
);
export type UploadImageResponse = z.infer<typeof UploadImageResponseSchema>;
