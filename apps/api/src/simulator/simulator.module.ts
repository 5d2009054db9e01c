import { Module } from '@nestjs/common';
import { SandboxModule } from '../channels/sandbox/sandbox.module.js';
import { RuntimeProcessingModule } from '../runtime/processing/runtime-processing.module.js';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { SendSimulationEventUseCase } from './send-simulation-event.use-case.js';
import { SimulationConversations } from './simulation-conversations.js';
import { SimulationStateQuery } from './simulation-state.query.js';
import { SimulatorController } from './simulator.controller.js';
import { SkipWaitUseCase } from './skip-wait.use-case.js';
import { StartSimulationUseCase } from './start-simulation.use-case.js';

/** The builder's simulator: a flow's draft run through the real runtime on the sandbox channel. */
@Module({
  imports: [RuntimeModule, RuntimeProcessingModule, SandboxModule],
  controllers: [SimulatorController],
  providers: [SimulationConversations, StartSimulationUseCase, SkipWaitUseCase, SendSimulationEventUseCase, SimulationStateQuery],
})
export class SimulatorModule {}
