/** The shapes of the exercise kit's scenarios (built in scenarios.ts and scenarios-more.ts). */
import type { Part } from '../site/checklists.ts';

export interface Prompt {
  text: Part[];
  /** The plan section (`3.1.4`) the question or the action belongs to. */
  plan: string;
}

export interface ExpectedAction extends Prompt {
  /** The company's own time target that makes this a deadline. */
  deadline?: Part[];
}

export interface Inject {
  /** Minutes after the start of the exercise (the moment of detection). */
  minutes: number;
  /** What the facilitator reads out or hands over. */
  text: Part[];
  questions: Prompt[];
  /** The facilitator's version only. */
  expected: ExpectedAction[];
}

export interface Scenario {
  id: 'ransomware' | 'brought-in' | 'mail-cloud' | 'system-stop' | 'leak';
  title: string;
  /** The threat entries the scenario goes through. */
  entries: number[];
  /** At least one of those entries is marked 3, 4 or BAD by the company. */
  onMarkedEntry: boolean;
  setting: Part[];
  injects: Inject[];
}
