import { questionSetTemplate, type QuestionSetTemplate } from './sturingsgesprek.question-set.schemas';
import kwartaal1 from './templates/kwartaal-1.json';
import kwartaal2 from './templates/kwartaal-2.json';

/**
 * The question sets from the panel's documents, shipped read-only. The DIG office edits a copy; the
 * copy keeps the question ids, so answers can be compared with earlier rounds that asked the same question.
 */
export const templates: readonly QuestionSetTemplate[] = [kwartaal1, kwartaal2].map((t) =>
  questionSetTemplate.parse(t),
);

export const templateById = (id: string): QuestionSetTemplate | undefined =>
  templates.find((t) => t.id === id);
