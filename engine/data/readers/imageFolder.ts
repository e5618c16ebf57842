// A folder of images, one subfolder per class: `path/cat/1.png`, `path/dog/a.jpg`. Classes are
// the subfolder names sorted by code point; images (.png, .jpg, .jpeg, any case; decoded by
// content) are taken in file-name order; other files and dot-files are ignored.
// Size: with `options.size` = [height, width] every image is resized to it; without, all
// images must have the first image's size (a different one is an error naming the file).
// Channels: `options.channels` (1 gray, 3 RGB), else 1 when the first image is gray, else 3.
// Pixels are stored as bytes and read as value/255 in [0, 1].
// Limits: images per folder (maxImages), pixels per image (maxImagePixels, from the header,
// before decoding), bytes per image file (maxFileBytes), and the whole set (maxDatasetBytes).
import { z } from 'zod';
import { readWholeFile } from '../byteStream.ts';
import { DataError, asDataError } from '../dataError.ts';
import { createDataset, type Dataset } from '../dataset.ts';
import { joinPath, type FileSource, type ProgressCallback } from '../fileSource.ts';
import { formatBytes, resolveLimits, type DataLimits } from '../limits.ts';
import { parseOptions } from '../options.ts';
import { decodeImage, isGray, type Image } from './imageDecode.ts';
import { convertChannels, resizeImage } from './resize.ts';

export const ImageFolderOptionsSchema = z
  .object({
    size: z.tuple([z.number().int().min(1).max(4096), z.number().int().min(1).max(4096)]).optional(),
    channels: z.union([z.literal(1), z.literal(3)]).optional(),
  })
  .strict();

export interface ImageFolderReadOptions {
  readonly options?: unknown;
  readonly name?: string;
  /** Reports images decoded so far, of the total. */
  readonly onProgress?: ProgressCallback;
  readonly limits?: Partial<DataLimits>;
}

const IMAGE_EXTENSION = /\.(png|jpe?g)$/i;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Listing {
  readonly classNames: readonly string[];
  readonly files: readonly { readonly path: string; readonly classId: number }[];
}

async function listImages(files: FileSource, path: string, maxImages: number): Promise<Listing> {
  const entries = await files.list(path);
  const classNames = entries.filter((entry) => entry.isDirectory && !entry.name.startsWith('.')).map((entry) => entry.name).sort(byCodePoint);
  if (classNames.length === 0) throw new DataError({ file: path }, 'no class folders here; put the images of each class in a subfolder named after the class');
  const found: { path: string; classId: number }[] = [];
  for (const [classId, className] of classNames.entries()) {
    const folder = joinPath(path, className);
    const names = (await files.list(folder)).filter((entry) => !entry.isDirectory && !entry.name.startsWith('.') && IMAGE_EXTENSION.test(entry.name)).map((entry) => entry.name);
    if (names.length === 0) throw new DataError({ file: folder }, 'this class folder has no .png or .jpg images');
    for (const name of names.sort(byCodePoint)) found.push({ path: joinPath(folder, name), classId });
    if (found.length > maxImages) throw new DataError({ file: path }, `more than ${maxImages} images (limit maxImages); use a smaller set`);
  }
  return { classNames, files: found };
}

interface Layout {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly firstPath: string;
}

function fit(image: Image, layout: Layout, resize: boolean, path: string): Image {
  if (!resize && (image.height !== layout.height || image.width !== layout.width)) {
    throw new DataError(
      { file: path },
      `the image is ${image.width}×${image.height} pixels but ${layout.firstPath} is ${layout.width}×${layout.height}; all images must have one size, or set options.size = [height, width] to resize them`,
    );
  }
  return convertChannels(resizeImage(image, layout.height, layout.width), layout.channels);
}

async function load(files: FileSource, path: string, limits: DataLimits): Promise<Image> {
  try {
    return decodeImage(await readWholeFile(files, path, limits.maxFileBytes), path, limits.maxImagePixels);
  } catch (error) {
    throw asDataError(error, { file: path }, 'cannot read the image');
  }
}

function allocatePixels(total: number, layout: Layout, path: string, maxBytes: number): Uint8Array<ArrayBuffer> {
  const bytes = total * layout.height * layout.width * layout.channels;
  if (bytes > maxBytes) {
    throw new DataError(
      { file: path },
      `${total} images of ${layout.width} × ${layout.height} × ${layout.channels} take ${formatBytes(bytes)}, more than the ${formatBytes(maxBytes)} a dataset may take (limit maxDatasetBytes); use fewer images or a smaller options.size`,
    );
  }
  return new Uint8Array(bytes);
}

/** Reads a folder of class subfolders of images into an image classification set. */
export async function readImageFolderDataset(files: FileSource, path: string, read: ImageFolderReadOptions = {}): Promise<Dataset> {
  const options = parseOptions(ImageFolderOptionsSchema, read.options, path);
  const limits = resolveLimits(read.limits);
  const listing = await listImages(files, path, limits.maxImages);
  const total = listing.files.length;
  let layout: Layout | undefined;
  let pixels = new Uint8Array(0);
  read.onProgress?.({ done: 0, total, unit: 'records' });
  for (const [index, file] of listing.files.entries()) {
    const image = await load(files, file.path, limits);
    if (layout === undefined) {
      const [height, width] = options.size ?? [image.height, image.width];
      layout = { height, width, channels: options.channels ?? (isGray(image) ? 1 : 3), firstPath: file.path };
      pixels = allocatePixels(total, layout, path, limits.maxDatasetBytes);
    }
    const fitted = fit(image, layout, options.size !== undefined, file.path);
    pixels.set(fitted.data, index * fitted.data.length);
    read.onProgress?.({ done: index + 1, total, unit: 'records' });
  }
  if (layout === undefined) throw new DataError({ file: path }, 'no images found');
  return createDataset({
    name: read.name ?? path,
    count: total,
    inputDims: [layout.height, layout.width, layout.channels],
    inputs: { kind: 'byte', values: pixels, scale: 1 / 255 },
    targetDims: [],
    targets: { kind: 'class', values: Int32Array.from(listing.files, (file) => file.classId), classNames: listing.classNames },
  });
}
