import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from "@minhbach/domain/api/users";
import { ROLES, ROLE_CODES } from "@minhbach/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type Answer } from "../../api/call.ts";

export const USERS_KEY = ["users"] as const;

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export type UserFilters = Partial<Omit<UserListQuery, "page" | "pageSize">>;

export function fetchUsers(query: UserFilters & { page: number; pageSize: number }, signal?: AbortSignal) {
  return call("users.list", { query, signal });
}

export function useUsers(query: UserFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...USERS_KEY, "list", query],
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every page of the filtered list, for export. */
export async function fetchAllUsers(filters: UserFilters, onProgress: (done: number, total: number) => void) {
  const pageSize = 200;
  const all: User[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchUsers({ ...filters, page, pageSize });
    all.push(...result.items);
    onProgress(all.length, result.total);
    if (result.items.length < pageSize || all.length >= result.total) return all;
  }
}

export type RoleInfo = Answer<"roles.list">["items"][number];

const LOCAL_ROLES: RoleInfo[] = ROLE_CODES.map((code) => ({
  ...ROLES[code],
  permissions: [...ROLES[code].permissions],
}));

export function useRoles() {
  return useQuery({
    queryKey: ["roles"],
    queryFn: ({ signal }) => call("roles.list", { signal }),
    select: (data) => data.items,
    placeholderData: { items: LOCAL_ROLES },
    staleTime: 10 * 60_000,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call("users.create", { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => call("users.update", { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      call("users.resetPassword", { params: { id }, body: { newPassword } }),
  });
}

/** 14 characters from an unambiguous alphabet, always with lower case, upper case and digits. */
export function generatePassword(): string {
  const lower = "abcdefghijkmnpqrstuvwxyz";
  const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = lower + upper + digits;
  const pick = (set: string) => {
    const n = new Uint32Array(1);
    crypto.getRandomValues(n);
    return set[(n[0] ?? 0) % set.length] ?? "a";
  };
  const chars = [pick(lower), pick(upper), pick(digits), ...Array.from({ length: 11 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const n = new Uint32Array(1);
    crypto.getRandomValues(n);
    const j = (n[0] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}
