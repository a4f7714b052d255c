import { useMediaQuery } from "@mantine/hooks";

/** True on a phone-sized screen (below Mantine's `sm` breakpoint): dialogs take the whole screen. */
export function usePhone(): boolean {
  return useMediaQuery("(max-width: 48em)") ?? false;
}
