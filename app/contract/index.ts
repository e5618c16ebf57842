// app/contract: shared by app/main and app/preload; the renderer mirrors NetloomApi (renderer/platform/netloomBridge.ts).
export * from './channels.ts';
export * from './validate.ts';
export * from './isolation.ts';
