// Equations and labels with their subscripts set as subscripts: `h_{t−1}` shows as h with t−1
// lowered, in HTML (<sub>) and in SVG (a lowered, smaller tspan).
import { subscriptPieces } from './lstmCell.ts';

export function Subscripted({ text }: { text: string }) {
  return (
    <>
      {subscriptPieces(text).map((piece, index) => (piece.subscript ? <sub key={index}>{piece.text}</sub> : <span key={index}>{piece.text}</span>))}
    </>
  );
}

export function SvgSubscripted({ text }: { text: string }) {
  return (
    <>
      {subscriptPieces(text).map((piece, index) =>
        piece.subscript ? (
          <tspan key={index} baselineShift="sub" fontSize="75%">
            {piece.text}
          </tspan>
        ) : (
          <tspan key={index}>{piece.text}</tspan>
        ),
      )}
    </>
  );
}
