import { hashPassword, type PrismaClient } from '@reform/db';
import { CITY_OFFICE, ROOT_NAME } from './catalog/units.ts';

export interface CreateAdminOptions {
  username: string;
  password: string;
  displayName: string;
}

/**
 * First administrator of a production database. On an empty database it also creates the
 * root committee unit and 市委改革办; the admin belongs to 市委改革办.
 */
export async function createAdmin(prisma: PrismaClient, options: CreateAdminOptions): Promise<void> {
  const username = options.username.trim();
  const displayName = options.displayName.trim();
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) {
    throw new Error(`用户名只能包含字母、数字、下划线、点和连字符，长度3–32：${username} / username must be 3–32 letters, digits, "_", "." or "-": ${username}`);
  }
  if (options.password.length < 8) throw new Error('密码至少8位。 / The password must have at least 8 characters.');
  if (!displayName) throw new Error('请填写姓名。 / The display name is required.');
  if (await prisma.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new Error(`用户名“${username}”已存在，未作任何修改。 / Username "${username}" already exists; nothing was changed.`);
  }
  const passwordHash = await hashPassword(options.password);
  await prisma.$transaction(async (tx) => {
    let office = await tx.unit.findFirst({ where: { name: CITY_OFFICE, kind: 'reform_office' }, orderBy: { id: 'asc' } });
    if (!office) {
      if ((await tx.unit.count()) > 0) {
        throw new Error(`数据库已有单位但没有“${CITY_OFFICE}”，无法确定管理员所属单位。 / The database has units but no "${CITY_OFFICE}" to put the admin in.`);
      }
      const root = await tx.unit.create({ data: { name: ROOT_NAME, shortName: '市委深改委', kind: 'committee', path: '' } });
      await tx.unit.update({ where: { id: root.id }, data: { path: `/${root.id}/` } });
      const created = await tx.unit.create({ data: { name: CITY_OFFICE, kind: 'reform_office', parentId: root.id, path: '', sortOrder: 10 } });
      office = await tx.unit.update({ where: { id: created.id }, data: { path: `/${root.id}/${created.id}/` } });
    }
    await tx.user.create({ data: { username, displayName, passwordHash, role: 'admin', unitId: office.id } });
  });
}
