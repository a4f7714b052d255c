import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { CalendarBody, CalendarYear, SavedCalendar } from "./types.ts";

export const calendarKey = (year: number) => ["calendar", year] as const;

export function useCalendar(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => api<CalendarYear>(`/calendar/${year}`, { signal }),
  });
}

export function useSaveCalendar(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarBody) => api<SavedCalendar>(`/calendar/${year}`, { method: "PUT", body }),
    onSuccess: (saved) => {
      const { movedDeadlines: _moved, failedDeadlines: _failed, changedDays: _changed, ...calendar } = saved;
      queryClient.setQueryData<CalendarYear>(calendarKey(year), calendar);
      // Deadlines computed on any page may have moved.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== "calendar" && q.queryKey[0] !== "auth",
      });
    },
  });
}
