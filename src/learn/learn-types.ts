import type { Citation, DocumentMeta } from '../types.js';

// What the learning mode shows new staff, every item with the passage it was read from.

/**
 * Where an item was read: the answerer's citation without the number and score that belong to an answer, and, when
 * the learning mode is given a way to write it, the full form officials cite by ("Kế hoạch số 2618/KH-UBND ngày
 * 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, mục VI › 10").
 */
export type SourceCitation = Omit<Citation, 'n' | 'score'> & { reference?: string };

/** Writes a citation's full form from the document's metadata. */
export type CitationReference = (citation: Pick<Citation, 'docName' | 'label' | 'section'>, meta: DocumentMeta) => string;

/** A figure a target sets: "50%", "23.000 người". */
export interface Figure {
  /** As printed ("100 %", "2.226 người"). */
  text: string;
  kind: 'percent' | 'count';
  /** The number it states, for telling figures apart. */
  value: number;
  /** What a count counts ("người", "cơ sở"), lower-cased; absent for a percentage. */
  unit?: string;
}

/** A sentence of a "Mục tiêu" section that states no figure: an aim. */
export interface Objective {
  /** The innermost heading it sits under ("Mục tiêu chung", "a) Giai đoạn 2021 - 2025"). */
  heading: string;
  text: string;
  citation: SourceCitation;
}

/** A line of a "Mục tiêu" / "Chỉ tiêu" section that states a figure. */
export interface Target {
  heading: string;
  /** The span of years a heading over it names ("2021 - 2025"), when one does. */
  period?: string;
  text: string;
  figures: Figure[];
  citation: SourceCitation;
}

export interface Task {
  text: string;
  citation: SourceCitation;
}

/** The tasks a section headed by a body ("2. Sở Y tế" under "Tổ chức thực hiện") gives it. */
export interface BodyDuties {
  body: string;
  /** The heading that names the body. */
  heading: SourceCitation;
  tasks: Task[];
}

/** A day and month (and year when printed) something is due. */
export interface DueDate {
  day: number;
  month: number;
  year?: number;
}

/** A reporting duty or a dated task: what, by whom, to whom, by when. */
export interface Deadline {
  kind: 'report' | 'task';
  /** What is reported or done, as the text words it; absent when the sentence does not say. */
  what?: string;
  by?: string;
  to?: string;
  /** As printed: "trước ngày 15/12 hàng năm", "định kỳ hằng năm". */
  when: string;
  /** Set when `when` names a date. */
  due?: DueDate;
  /** Every year, quarter or month, not once. */
  recurring: boolean;
  citation: SourceCitation;
}

/** A fact about the document itself, read off its header, preamble or signature. */
export interface DocumentFact {
  key: 'number' | 'date' | 'title' | 'issuer' | 'signer' | 'period' | 'effective-date';
  /** The field's name as shown ("Số hiệu"). */
  label: string;
  value: string;
  citation: SourceCitation;
}
