import { SendOutlined } from '@ant-design/icons';
import { ZCommentCreateBody, type TComment } from '@reform/contracts';
import { App, Avatar, Button, Empty, Flex, Form, Input, Skeleton, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/lib/auth';
import { formatDateTime } from '@reform/domain';
import { toTreeOptions } from '@/lib/units';
import { useSubmit } from '@/lib/use-submit';
import { useCreateComment } from '../api/create-comment';
import { useComments } from '../api/get-comments';
import { EntryForm } from '@/lib/entry-form';
import { useMentionableUnits } from '../api/get-mentionable-units';

interface CommentValues {
  body: string;
  mentionUnitIds: number[];
}

function CommentItem({ comment }: { comment: TComment }) {
  return (
    <li data-testid="comment" style={{ display: 'flex', gap: 12, padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Avatar style={{ background: '#b71c1c', flex: 'none' }}>{comment.author.displayName.slice(0, 1)}</Avatar>
      <div style={{ minWidth: 0, flex: 1 }}>
        {
          <Space size={8} wrap>
            <Typography.Text strong>{comment.author.displayName}</Typography.Text>
            <Typography.Text type="secondary">{comment.author.unitName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(comment.createdAt)}
            </Typography.Text>
          </Space>
        }
        {
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4, marginTop: 4 }}>
              {comment.body}
            </Typography.Paragraph>
            {comment.mentions.length > 0 && (
              <Space size={4} wrap>
                {comment.mentions.map((mention) => (
                  <Tag key={mention.unitId} color={mention.doneAt ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
                    @{mention.unitName}
                    {mention.doneAt ? ' · 已处理' : ' · 待处理'}
                  </Tag>
                ))}
              </Space>
            )}
          </>
        }
      </div>
    </li>
  );
}

/** 评论: the discussion on a task; mentioning a unit puts the comment on that unit's to-do list. */
export function TaskComments({ taskId }: { taskId: number }) {
  const { message } = App.useApp();
  const comments = useComments(taskId);
  const units = useMentionableUnits(taskId);
  const create = useCreateComment(taskId);
  const [form] = Form.useForm<CommentValues>();
  const { check, submit: send, errorAlert } = useSubmit({ form });
  const unitTree = useMemo(() => toTreeOptions(units.data ?? []), [units.data]);
  const mayWrite = useCan('comments:write');

  const submit = async (values: CommentValues) => {
    const body = check(ZCommentCreateBody, { body: values.body ?? '', mentionUnitIds: values.mentionUnitIds ?? [] });
    if (!body) return;
    await send(
      () => create.mutateAsync(body),
      () => {
        form.resetFields();
        message.success(body.mentionUnitIds.length > 0 ? '评论已发表，已通知提及的单位' : '评论已发表');
      },
    );
  };

  return (
    <div data-testid="task-comments">
      {comments.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => comments.refetch()} title="评论加载失败" />
      ) : comments.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无评论" />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="评论列表">
          {comments.data.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ul>
      )}
      {mayWrite && (
        <EntryForm<CommentValues>
          form={form}
          onFinish={submit}
          initialValues={{ body: '', mentionUnitIds: [] }}
          style={{ marginTop: 16 }}
          className="no-print"
          aria-label="发表评论"
        >
          {errorAlert({ marginBottom: 12 })}
          <Form.Item name="body" style={{ marginBottom: 8 }}>
            <Input.TextArea
              aria-label="评论内容"
              placeholder="写下意见或问题，Ctrl+Enter 发表"
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={2000}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
          <Flex gap={8} wrap align="flex-start">
            <Form.Item name="mentionUnitIds" style={{ flex: '1 1 240px', marginBottom: 0 }}>
              <TreeSelect
                aria-label="提及单位"
                multiple
                treeData={unitTree}
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder="@ 提及单位（进入其待办）"
                loading={units.isPending}
                maxTagCount="responsive"
                allowClear
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={create.isPending} data-testid="submit-comment">
              发表
            </Button>
          </Flex>
        </EntryForm>
      )}
    </div>
  );
}
