/** Drawn territories: the public API of src/core/shapes (docs/DRAWN-SHAPES.md). */
export { type DrawnShape, type ShapeGeometry, type GeoResult, polygonsOf, toGeometry, shapeBbox, cloneShape } from './shape-types';
export { repairShape, MIN_SHAPE_AREA_KM2 } from './repair';
export { clipUnion, clipIntersection, clipDifference, type Polys } from './clip';
export { shapeAreaKm2, polygonsAreaKm2 } from './area';
export { PolygonPointIndex } from './point-index';
export { PointGrid } from './point-grid';
export { assignAccountsToShapes, territoriesOfShapes } from './assign-accounts';
export { splitShape, CUT_HALF_WIDTH_DEG } from './split';
export { unitsInShape, UnitBoxIndex, unitPolygons, type UnitsInShape } from './to-units';
export { editableOutline, thinRing, EDITABLE_RING_VERTICES } from './to-outline';
export { findOverlaps, MIN_OVERLAP_KM2, type Overlap, type OverlapParty, type OverlapInput, type OverlapReport } from './overlaps';
export { resolveOverlapsCommand, type OverlapChoice } from './resolve';
export { findGaps, fillGapsCommand, type GapReport, type GapInput, type UnitGap, type ShapeHole } from './gaps';
export { splitShapeCommand, shapeToUnitsCommand, territoryToShapeCommand } from './shape-commands';
