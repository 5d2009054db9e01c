import { Injectable } from '@nestjs/common';

/** Where the runtime reads the time: the engine's `now`, timer due dates, row timestamps. Tests bind their own. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
