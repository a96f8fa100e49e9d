/** The mark: a yellow star on a red shield. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <path d="M16 1.5 29 6v9.5c0 7.6-5.4 12.9-13 15-7.6-2.1-13-7.4-13-15V6z" fill="#b3261e" />
      <path d="M16 8.2l2.2 5.2 5.6.4-4.3 3.6 1.4 5.5L16 20l-4.9 2.9 1.4-5.5-4.3-3.6 5.6-.4z" fill="#ffd43b" />
    </svg>
  );
}
