import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USER_ROLES } from '@parallax/store';

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');
const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);

export const LoginSchema = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
export type Login = z.infer<typeof LoginSchema>;

export const CreateUserSchema = z.strictObject({ username, role: z.enum(USER_ROLES), password: password.optional() });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({ role: z.enum(USER_ROLES).optional(), password: password.optional(), disabled: z.boolean().optional() });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ChangePasswordSchema = z.strictObject({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: password });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const CreateTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type CreateToken = z.infer<typeof CreateTokenSchema>;
