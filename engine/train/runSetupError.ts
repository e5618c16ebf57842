// A problem with a run that the user can fix (too little data, a shape the data does not have),
// naming the node or settings field at fault.
export class RunSetupError extends Error {
  constructor(
    message: string,
    readonly nodeId?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
