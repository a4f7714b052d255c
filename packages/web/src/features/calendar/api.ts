import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/call.ts";
import type { CalendarBody, CalendarYear } from "./types.ts";

export const calendarKey = (year: number) => ["calendar", year] as const;

export function useCalendar(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => call("calendar.get", { params: { year }, signal }),
  });
}

export function useSaveCalendar(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarBody) => call("calendar.save", { params: { year }, body }),
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
