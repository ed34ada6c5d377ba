import { STROKE } from './icons';

// Errors and warnings carry a shape of their own, not colour alone: a stop sign for what is
// broken, a triangle for what will break. Drawn inline, themed by currentColor.

const ICON = { ...STROKE, className: 'status-icon' };

export function StatusIcon({ level }: { level: 'error' | 'warning' }) {
  return level === 'error' ? (
    <svg {...ICON}>
      <path d="M8 3h8l5 5v8l-5 5H8l-5-5V8z" />
      <path d="M12 8v5M12 16.5v.5" />
    </svg>
  ) : (
    <svg {...ICON}>
      <path d="M12 3 2 20h20z" />
      <path d="M12 10v4M12 17v.5" />
    </svg>
  );
}
