import { useQuery } from '@tanstack/react-query';
import { useViewActions } from '../ViewActions';
import { shortcutInWords } from '../../lib/views/key-names';

/** The keyboard shortcut that opens the popup, as the browser has it now (the user may change it). */
export function useShortcut(): string | null {
  const { readShortcut } = useViewActions();
  const shortcut = useQuery({ queryKey: ['shortcut'], queryFn: readShortcut, refetchOnWindowFocus: true });
  return shortcut.data ? shortcutInWords(shortcut.data) : null;
}
