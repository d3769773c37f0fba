// The map view of the accounts: what to draw for a bbox and zoom, and in which colours.
export { AccountView, DEFAULT_CELL_PX, DEFAULT_MAX_POINTS, POINT_ZOOM, POINT_ZOOM_FACTOR } from './aggregate';
export { NOTHING_HIDDEN, VIEW_CATEGORIES, viewColumnBuffers, viewColumns } from './columns';
export type { Hidden, ViewCategory, ViewColumns } from './columns';
export * from './palette';
export type { CategoryCounts, ColorBy, ViewFeature, ViewQuery, ViewResult, ViewSummary } from './types';
export { ViewClient } from './client';
export type { ViewPort } from './client';
export { ViewService } from './service';
export type { ViewCall, ViewMethods, ViewReply } from './service';
