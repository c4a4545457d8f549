import type { Environment } from '@parallax/pipeline';

/** The API's configuration: the validated environment (loadEnvironment in libs/pipeline). */
export type AppConfig = Environment;

export const APP_CONFIG = Symbol('APP_CONFIG');
