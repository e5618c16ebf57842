// Learning-rate schedules: the rate to use at a step (counted from 1) of a run of `totalSteps`.
import type { TrainingSettings } from '../graph/index.ts';

export function scheduledLearningRate(schedule: TrainingSettings['schedule'], baseRate: number, step: number, totalSteps: number): number {
  switch (schedule.type) {
    case 'constant':
      return baseRate;
    case 'step':
      return baseRate * schedule.gamma ** Math.floor((step - 1) / schedule.stepSize);
    case 'cosine': {
      if (step <= schedule.warmupSteps) return (baseRate * step) / schedule.warmupSteps;
      const span = Math.max(1, totalSteps - schedule.warmupSteps);
      const progress = Math.min(1, (step - 1 - schedule.warmupSteps) / span);
      return schedule.minLearningRate + ((baseRate - schedule.minLearningRate) * (1 + Math.cos(Math.PI * progress))) / 2;
    }
  }
}
