import type { CardText } from '../../platform/card-text';
import { formatDate } from '../../platform/i18n/format';
import type { Signal } from './kernteam.types';

/** Words for the organisation's topics, clusters and the signal statuses. */

export function topicLabel(text: CardText, topicId: string): string {
  const topic = text.org.data.signalTopics.find((t) => t.id === topicId);
  return topic ? text.local(topic.label) : topicId;
}

export function clusterLabel(text: CardText, clusterId: string | undefined): string {
  if (!clusterId) return text.t('kernteam.signal.noCluster');
  return text.local(text.org.cluster(clusterId)?.name) || clusterId;
}

export function signalLine(text: CardText, signal: Signal): string {
  return text.t('kernteam.signal.line', {
    topic: topicLabel(text, signal.topic),
    cluster: clusterLabel(text, signal.cluster),
    status: text.t(`kernteam.status.${signal.status}`),
    date: formatDate(signal.createdAt, text.locale, text.timeZone),
  });
}
