import { Module } from '@nestjs/common';
import { FlowCatalogController } from './flow-catalog.controller.js';
import { FlowDraftsController } from './flow-drafts.controller.js';
import { FlowVersionRepository } from './flow-version.repository.js';
import { FlowVersionsController } from './flow-versions.controller.js';
import { FlowRepository } from './flow.repository.js';
import { FlowsController } from './flows.controller.js';
import { GetFlowQuery } from './queries/get-flow.query.js';
import { GetVersionQuery } from './queries/get-version.query.js';
import { ListFlowsQuery } from './queries/list-flows.query.js';
import { ListVersionsQuery } from './queries/list-versions.query.js';
import { ApplyDraftOperationsUseCase } from './use-cases/apply-draft-operations.use-case.js';
import { CreateFlowUseCase } from './use-cases/create-flow.use-case.js';
import { DeleteFlowUseCase } from './use-cases/delete-flow.use-case.js';
import { DuplicateFlowUseCase } from './use-cases/duplicate-flow.use-case.js';
import { ImportFlowUseCase } from './use-cases/import-flow.use-case.js';
import { PublishFlowUseCase } from './use-cases/publish-flow.use-case.js';
import { RenameFlowUseCase } from './use-cases/rename-flow.use-case.js';
import { RestoreVersionUseCase } from './use-cases/restore-version.use-case.js';
import { SaveDraftUseCase } from './use-cases/save-draft.use-case.js';
import { WorkspaceLocaleReader } from './workspace-locale.reader.js';

/**
 * Journey flows: CRUD, draft saves with optimistic concurrency, lint, publish into numbered
 * immutable versions, restore, import/export, templates and the document schema.
 */
@Module({
  controllers: [FlowsController, FlowDraftsController, FlowVersionsController, FlowCatalogController],
  providers: [
    FlowRepository,
    FlowVersionRepository,
    WorkspaceLocaleReader,
    ListFlowsQuery,
    GetFlowQuery,
    ListVersionsQuery,
    GetVersionQuery,
    CreateFlowUseCase,
    ImportFlowUseCase,
    RenameFlowUseCase,
    DuplicateFlowUseCase,
    DeleteFlowUseCase,
    SaveDraftUseCase,
    ApplyDraftOperationsUseCase,
    PublishFlowUseCase,
    RestoreVersionUseCase,
  ],
  exports: [FlowRepository, FlowVersionRepository],
})
export class FlowsModule {}
