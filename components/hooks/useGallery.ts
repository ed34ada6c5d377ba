import { useQuery } from '@tanstack/react-query';
import { loadGallery } from '../../lib/views/gallery';
import { queryKeys } from '../../lib/views/query/keys';

/** The ready providers shipped with Whoami: loaded once, when a form first needs them. */
export function useGallery() {
  return useQuery({ queryKey: queryKeys.gallery, queryFn: () => loadGallery(), staleTime: Infinity }).data ?? [];
}
