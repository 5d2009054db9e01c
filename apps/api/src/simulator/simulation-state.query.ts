import { Injectable } from '@nestjs/common';
import { parseSessionState } from '@jornada/flow-engine';
import { DataSource } from 'typeorm';
import { SimulationConversations } from './simulation-conversations.js';
import type { SimulationStateView } from './simulator.dto.js';

/** Run-log entries read back per call: a simulation that long is a loop worth seeing in full anyway. */
const MAX_LOG_ENTRIES = 5000;

/**
 * What the simulator shows beside the chat: where the session is, its variables and pending
 * timers, the path taken (every node entered, across a jump to another flow) for the canvas to
 * highlight, and the run log's errors and warnings.
 */
@Injectable()
export class SimulationStateQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly simulations: SimulationConversations,
  ) {}

  async execute({ workspaceId, id }: { workspaceId: string; id: string }): Promise<SimulationStateView> {
    const simulation = await this.simulations.find(this.dataSource, { workspaceId, id });
    const sessions = await this.dataSource.query<{ id: string; state: unknown; status: string }[]>(
      `SELECT id, state, status FROM flow_sessions WHERE conversation_id = $1 AND workspace_id = $2 ORDER BY started_at DESC, id DESC LIMIT 1`,
      [id, workspaceId],
    );
    const latest = sessions[0];
    const parsed = latest === undefined ? undefined : parseSessionState(latest.state);
    const state = parsed?.ok === true ? parsed.state : undefined;
    const timers = await this.dataSource.query<{ node_id: string; fire_at: Date }[]>(
      `SELECT t.node_id, t.fire_at FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id
        WHERE s.conversation_id = $1 AND t.workspace_id = $2 AND t.status = 'pending' ORDER BY t.fire_at`,
      [id, workspaceId],
    );
    const log = await this.dataSource.query<{ session_id: string; kind: string; data: Record<string, unknown>; at: Date }[]>(
      `SELECT l.session_id, l.kind, l.data, l.at FROM run_log_entries l JOIN flow_sessions s ON s.id = l.session_id
        WHERE s.conversation_id = $1 AND l.workspace_id = $2 AND l.kind IN ('node', 'error', 'log') ORDER BY l.seq LIMIT $3`,
      [id, workspaceId, MAX_LOG_ENTRIES],
    );
    return {
      id: simulation.id,
      flowId: simulation.flowId,
      conversationStatus: simulation.status,
      sessionId: latest?.id ?? null,
      status: latest?.status ?? null,
      waitingAt: state?.wait?.nodeId ?? null,
      waitingFor: state?.wait?.kind ?? null,
      variables: state?.vars ?? {},
      timers: timers.map((t) => ({ nodeId: t.node_id, fireAt: t.fire_at.toISOString() })),
      path: log
        .filter((entry) => entry.kind === 'node' && typeof entry.data['nodeId'] === 'string')
        .map((entry) => ({
          sessionId: entry.session_id,
          nodeId: entry.data['nodeId'] as string,
          ...(typeof entry.data['output'] === 'string' ? { output: entry.data['output'] } : {}),
          at: entry.at.toISOString(),
        })),
      problems: log.filter((entry) => entry.kind !== 'node').map((entry) => ({ kind: entry.kind, at: entry.at.toISOString(), ...entry.data })),
    };
  }
}
