// The board's query model lives in shared/ (the IPC contract validates with it); re-exported here so the
// search code keeps importing it from its own folder.
export * from '../../../shared/domain/board-query.js';
