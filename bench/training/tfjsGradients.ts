// tfjs-core registers its gradients apart from its ops, in an ES module (dist/register_all_gradients)
// that bundlers load; its imports omit the ".js" extension, which Node's loader rejects. A resolve
// hook adds the extension inside tfjs-core's dist folder so Node can load it. The gradients land in
// tfjs's global registry, which every copy of tfjs-core (this ES one, the CommonJS one the wasm
// backend uses) shares.
import { register } from 'node:module';

const HOOK = `
export async function resolve(specifier, context, next) {
  const inside = context.parentURL !== undefined && context.parentURL.includes('/@tensorflow/tfjs-core/dist/');
  if (!inside || !specifier.startsWith('.') || specifier.endsWith('.js')) return next(specifier, context);
  try {
    return await next(specifier + '.js', context);
  } catch {
    return next(specifier + '/index.js', context);
  }
}`;

export async function registerAllGradients(): Promise<void> {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}
