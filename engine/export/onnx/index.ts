// engine/export/onnx: a graph with its trained weights as ONNX models, and the check that
// onnxruntime computes what Netloom computes.
export { exportOnnx, onnxModel, ExportError, ONNX_OPSET, type OnnxLayout, type OnnxModelFile, type OnnxOptions } from './exportOnnx.ts';
export { onnxEmitters } from './layers/index.ts';
export { checkOnnxParity, fixedInputs, PARITY_TOLERANCE, type ParityResult } from './parity.ts';
