import type { OutcomeKind, TaskLevel, TaskList } from '@reform/db';
import { dateOfDayNumber, dayNumber, yearOf } from '@reform/domain';
import { chance, int, pick, pickSome, type Rng } from './prng.ts';
import type { OutcomePlan, SourcePlan } from './plan.ts';
import { fill } from './plan.ts';
import {
  ACCEPTANCE_TEMPLATES,
  LANDMARKS,
  MEASURES_BY_FIELD,
  MEASURES_GENERIC,
  OBJECTIVE_GOALS,
  OBJECTIVE_TEMPLATES,
  OUTCOME_DOCUMENTS,
  GIVEN_NAMES,
  SURNAMES,
} from './catalog/text.ts';

/** Task book (任务书): objective, measures, expected outcomes, acceptance criteria. */
export function objectiveOf(rng: Rng, title: string, field: string, deadline: number): string {
  return fill(pick(rng, OBJECTIVE_TEMPLATES), {
    t: title,
    f: field,
    y: yearOf(dateOfDayNumber(deadline)),
    g: pick(rng, OBJECTIVE_GOALS[field] ?? ['改革取得明显成效']),
  });
}

export function measuresOf(rng: Rng, field: string, town: string, count: number): string[] {
  const specific = pickSome(rng, MEASURES_BY_FIELD[field] ?? [], Math.min(2, Math.max(1, count - 2)));
  // The implementation plan comes first, then the field's own measures, then the rest.
  const [plan, ...others] = MEASURES_GENERIC;
  const rest = pickSome(rng, others, count - 1 - specific.length).map((m) => fill(m, { town }));
  return [plan!, ...specific, ...rest].slice(0, count);
}

export function outcomesOf(rng: Rng, title: string, count: number, progress: number, finished: boolean): OutcomePlan[] {
  const kinds: OutcomeKind[] = ['institutional_document', 'replicable_experience', 'landmark', 'other'];
  const chosen: OutcomeKind[] = ['institutional_document', ...pickSome(rng, kinds.slice(1, 3), count - 1)];
  if (count === 3 && chosen.length < 3) chosen.push('other');
  return chosen.slice(0, count).map((kind) => {
    const target = kind === 'institutional_document' ? int(rng, 1, 4) : kind === 'replicable_experience' ? int(rng, 1, 2) : 1;
    const delivered = finished ? target : Math.min(target, Math.floor((target * progress) / 100 + (chance(rng, 0.3) ? 0.5 : 0)));
    const description =
      kind === 'institutional_document'
        ? `出台《关于${title}的${pick(rng, OUTCOME_DOCUMENTS)}》等制度性文件`
        : kind === 'replicable_experience'
          ? `形成${title}可复制可推广经验`
          : kind === 'landmark'
            ? `${pick(rng, LANDMARKS)}`
            : '形成改革评估报告和典型案例';
    return { kind, description, target, delivered };
  });
}

export function acceptanceOf(rng: Rng): string {
  return fill(pick(rng, ACCEPTANCE_TEMPLATES), { n: int(rng, 1, 3) });
}

const PLENUM_2024 = dayNumber('2024-08-30');

/** Source documents (依据): the decision or plan the task was broken down from. */
export function sourcesOf(rng: Rng, list: TaskList, title: string, issuingLevel: TaskLevel | null, start: number, countyPilot: boolean): SourcePlan[] {
  const year = yearOf(dateOfDayNumber(start));
  const sources: SourcePlan[] = [];
  const recent = start >= PLENUM_2024;
  if (list === 'mandate') {
    if (recent && issuingLevel === 'national') {
      sources.push({ title: '《中共中央关于进一步全面深化改革、推进中国式现代化的决定》', docNumber: '', issuer: '中共中央', issuedOn: dayNumber('2024-07-18') });
    } else if (recent && issuingLevel === 'provincial') {
      sources.push({
        title: '《中共浙江省委关于深入学习贯彻党的二十届三中全会精神 进一步全面深化改革的决定》',
        docNumber: '',
        issuer: '中共浙江省委',
        issuedOn: dayNumber('2024-07-31'),
      });
    }
    if (recent) {
      sources.push({
        title: '《中共嘉兴市委关于深入学习贯彻党的二十届三中全会精神 争当进一步全面深化改革排头兵的实施意见》',
        docNumber: '嘉委发〔2024〕12号',
        issuer: '中共嘉兴市委',
        issuedOn: PLENUM_2024,
      });
    } else {
      sources.push(
        chance(rng, 0.5)
          ? {
              title: '《中共嘉兴市委关于认真学习贯彻党的十九届四中全会精神 争当市域治理现代化排头兵的决定》',
              docNumber: '嘉委发〔2020〕1号',
              issuer: '中共嘉兴市委',
              issuedOn: dayNumber('2019-12-30'),
            }
          : annualPoints(rng, year),
      );
    }
  } else if (list === 'pilot') {
    if (countyPilot) {
      sources.push({ title: '《嘉兴市开展县域集成改革试点工作方案》', docNumber: '嘉委改办〔2020〕5号', issuer: '中共嘉兴市委改革办', issuedOn: dayNumber('2020-06-12') });
    }
    sources.push({
      title: `《关于同意嘉兴市开展${title.replace(/建设$|试点$/, '')}${/建设$|创建$|试验$/.test(title) ? '' : '试点'}的批复》`,
      docNumber: issuingLevel === 'national' ? '' : `浙委改办〔${year}〕${int(rng, 3, 40)}号`,
      issuer: issuingLevel === 'national' ? '国家有关部委' : '中共浙江省委改革办',
      issuedOn: start - int(rng, 10, 60),
    });
  } else {
    sources.push({
      title: `《嘉兴市${year}年度地方改革创新项目清单》`,
      docNumber: `嘉委改办〔${year}〕${int(rng, 2, 20)}号`,
      issuer: '中共嘉兴市委改革办',
      issuedOn: Math.min(start, dayNumber(`${year}-03-20`)),
    });
    if (chance(rng, 0.4)) sources.push(annualPoints(rng, year));
  }
  return sources.slice(0, 2);
}

function annualPoints(rng: Rng, year: number): SourcePlan {
  return {
    title: `《${year}年全市全面深化改革工作要点》`,
    docNumber: `嘉委改发〔${year}〕${int(rng, 1, 3)}号`,
    issuer: '中共嘉兴市委全面深化改革委员会',
    issuedOn: dayNumber(`${year}-02-${int(rng, 10, 28)}`),
  };
}

export function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES);
}

/** A fictional Jiaxing landline: 0573-8xxxxxxx. */
export function phoneOf(rng: Rng): string {
  return `0573-8${String(int(rng, 0, 9_999_999)).padStart(7, '0')}`;
}
