// The initializer a layer's weights start from, by the name its params use.
import type { Initializer } from '../../ir/index.ts';

export function weightInitializer(name: string, fanIn: number, fanOut: number): Initializer {
  switch (name) {
    case 'he':
      return { kind: 'heNormal', fanIn };
    case 'zeros':
      return { kind: 'zeros' };
    default:
      return { kind: 'glorotUniform', fanIn, fanOut };
  }
}
