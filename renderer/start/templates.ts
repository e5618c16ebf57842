// The start page's gallery: every bundled example with its name, what it teaches and a thumbnail.
import { readDocumentValue } from '../document/documentText.ts';
import { exampleNames, loadExample } from '../document/examples.ts';
import { thumbnailOf, type Thumbnail } from './thumbnail.ts';

export const THUMBNAIL_SIZE = { width: 264, height: 88, padding: 10 } as const;

export interface Template {
  /** The example's file name without .json: what openExample takes. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly layerCount: number;
  readonly thumbnail: Thumbnail;
}

/** The order a course would take them in (README's); examples not listed follow, by name. */
export const TEMPLATE_ORDER = ['xo-cnn', 'mnist-mlp', 'lenet5', 'fashion-cnn', 'dense-autoencoder', 'conv-autoencoder', 'latent-autoencoder', 'dcgan-mnist', 'gan-ring', 'char-lstm', 'sine-lstm', 'gru-waveforms'];

export function orderTemplates(names: readonly string[]): string[] {
  const rank = (name: string) => {
    const index = TEMPLATE_ORDER.indexOf(name);
    return index === -1 ? TEMPLATE_ORDER.length : index;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Loads every example; one that does not read is left out rather than failing the page. */
export async function loadTemplates(): Promise<Template[]> {
  const loaded = await Promise.all(
    orderTemplates(exampleNames()).map(async (name): Promise<Template | null> => {
      const result = readDocumentValue(await loadExample(name), `${name}.json`);
      if (!result.ok) return null;
      const { document } = result;
      return { name, title: document.metadata.name, description: document.metadata.description ?? '', layerCount: document.nodes.length, thumbnail: thumbnailOf(document, THUMBNAIL_SIZE) };
    }),
  );
  return loaded.filter((template): template is Template => template !== null);
}
