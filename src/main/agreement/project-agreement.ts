// Agreement over a project on disk: reads the chosen layers and builds the report.
import type { ChannelInput } from '../../shared/api/contract'
import type { AgreementReport } from '../../shared/agreement/report'
import type { ProjectStore } from '../store/project-store'

export type AgreementRequest = ChannelInput<'agreement.report'>

export async function projectAgreement(_store: ProjectStore, _request: AgreementRequest): Promise<AgreementReport> {
  throw new Error('agreement.report: being implemented on branch agreement')
}
