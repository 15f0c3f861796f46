// Puts user text into a translated sentence inside <bdi>, so a right-to-left or odd title cannot reorder
// the words around it. The sentence is translated with a placeholder character that the user text then
// replaces as a React node: the text is never parsed as markup.
import { Fragment } from 'react';

export const ISOLATED = '\uE000';

export function WithIsolated({ template, value }: { template: string; value: string }) {
  const parts = template.split(ISOLATED);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <bdi>{value}</bdi>}
        </Fragment>
      ))}
    </>
  );
}
