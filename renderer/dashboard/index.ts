// renderer/dashboard: the live training dashboard. The shell mounts <Dashboard />.
export { Dashboard, type DashboardProps } from './Dashboard.tsx';
export { initialRun, reduceRun, startRun, type RunModel } from './runModel.ts';
export { GraphRunsStore, type GraphRunsView, type LoadedWeights, type LoadedWeightsNote } from './graphRunsStore.ts';
export { IdentityKeeper, graphIdentity } from './graphIdentity.ts';
