/* concord-generate.c — synthetic but realistic cases for benchmarks
 *
 * The mix follows what stations report: family and marriage about 46%,
 * economic disputes (contracts, business, damage, labour, consumer, traffic)
 * about 31%, the rest about 22%. Facts are assembled from category-specific
 * phrases, so that a search for a word hits a realistic share of the cases.
 * Cases are received over the last three years in order, so that ids and
 * times agree as they would in a real station.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-generate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "concord-clock.h"
#include "concord-demo.h"
#include "concord-error.h"

#define BATCH_SIZE     5000
#define PROGRESS_EVERY 10000
#define SPAN_DAYS      (3 * 365)

typedef struct
{
  const char  *code;
  guint        per_mille;          /* share of all cases */
  guint        amount_min;         /* yuan */
  guint        amount_max;
  const char  *facts[8];           /* {A} {B} {C} names, {M} amount, {D} date */
  const char  *applicant_claims[4];
  const char  *respondent_claims[4];
} CategoryPhrases;

static const CategoryPhrases categories[] = {
  { "marriage_family", 462, 500, 50000,
    { "{A}与{B}系夫妻，婚后因家庭开支、子女教育等问题经常争吵，近日矛盾激化，{A}提出离婚。",
      "{A}与{B}系母子关系，{A}年迈多病，要求{B}每月支付赡养费{M}元并轮流照料，{B}以经济困难为由拒绝，引发赡养纠纷。",
      "{A}与{B}离婚后，因孩子抚养费的支付及探视问题多次发生争执，{A}要求{B}补交抚养费{M}元。",
      "{A}与{B}系兄弟，因父母遗留房屋的分割问题产生分歧，双方多次争吵，引发家庭纠纷。",
      "{A}与儿媳{B}因生活习惯不同长期不和，{D}因照看孙子一事发生激烈争吵，{A}报警求助。",
      "{A}与{B}系夫妻，{D}{B}酒后与{A}发生争吵并摔砸家中物品，{A}要求{B}写下保证书并赔偿损失{M}元。",
      "{A}与{B}系姐弟，因母亲的赡养费用分摊及存款管理问题发生矛盾，引发婚姻家庭纠纷。",
      NULL },
    { "要求{B}承担家庭责任，停止争吵辱骂。", "要求{B}支付费用{M}元。",
      "要求离婚，并分割夫妻共同财产。", "要求{B}按月履行赡养义务。" },
    { "不同意对方的要求，认为责任不在自己。", "同意协商解决，但要求减少数额。",
      "请求调解员从中调和，希望维持家庭关系。", NULL } },
  { "contract", 100, 2000, 200000,
    { "{B}向{A}购买建材，尚欠货款{M}元，经{A}多次催要至今未付，双方发生纠纷。",
      "{A}将房屋出租给{B}，{B}拖欠房租{M}元，{A}要求解除租赁合同并支付欠款。",
      "{A}委托{B}装修房屋，约定工期两个月，{B}逾期未完工且部分工程质量不合格，{A}要求退还工程款{M}元。",
      "{A}借给{B}人民币{M}元，约定半年内归还，到期后{B}以资金困难为由拒不还款，引发借款纠纷。",
      "{A}从{B}处购买二手车一辆，使用后发现车辆曾发生重大事故，{A}要求退车并返还购车款{M}元。",
      NULL },
    { "要求{B}支付欠款{M}元。", "要求解除合同，返还款项{M}元。", "要求{B}按合同约定履行义务。", NULL },
    { "承认欠款，请求分期支付。", "认为对方违约在先，不同意支付。", "同意支付部分款项。", NULL } },
  { "production_business", 50, 3000, 150000,
    { "{A}与{B}合伙经营饭店，因利润分配及账目不清产生矛盾，{A}要求退伙并返还出资{M}元。",
      "{A}在{B}经营的商铺旁摆摊，双方因争抢客源多次发生口角，影响双方正常经营。",
      "{A}承包{B}的果园，因收购价格及货款结算问题发生争执，{A}要求{B}支付剩余货款{M}元。",
      "{B}在批发市场经营商店，拖欠供货商{A}货款{M}元，{A}到店内讨要时双方发生争吵。",
      NULL },
    { "要求{B}支付货款{M}元。", "要求返还出资{M}元。", "要求{B}停止影响其经营。", NULL },
    { "承认欠款，因资金周转困难请求分期支付。", "认为账目有误，要求重新核对。", NULL, NULL } },
  { "damage", 64, 800, 150000,
    { "{B}在自家楼上装修时水管破裂，造成楼下{A}家天花板、墙面及家具被水浸泡损坏，{A}要求赔偿损失{M}元。",
      "{B}使用电器不慎引发火灾，殃及相邻的{A}家，造成房屋及财物损失，{A}要求赔偿{M}元，双方因赔偿数额发生纠纷。",
      "{B}饲养的狗将{A}咬伤，{A}花去医疗费{M}元，要求{B}承担全部费用。",
      "{B}驾驶电动车倒车时将{A}停放的轿车剐蹭，双方因维修费用{M}元的承担发生争执。",
      "{B}家外墙空调支架脱落，砸坏{A}停放在楼下的车辆，{A}要求赔偿维修费{M}元。",
      "{A}租住{B}的房屋期间因线路老化发生火灾，双方对火灾损失的承担各执一词，{A}要求{B}赔偿个人财物损失{M}元。",
      NULL },
    { "要求{B}赔偿损失{M}元。", "要求{B}恢复原状并赔偿损失。", "要求{B}赔礼道歉并承担修复费用。", NULL },
    { "承认有责任，但认为对方要求的数额过高。", "认为损失与自己无关，不同意赔偿。",
      "同意赔偿，请求分期支付。", NULL } },
  { "labour", 50, 1500, 60000,
    { "{A}在{B}承包的工地务工，{B}拖欠其劳务费{M}元，{A}多次讨要未果。",
      "{A}在{B}经营的饭店工作期间受伤，双方因医疗费及误工费{M}元的承担发生纠纷。",
      "{A}在{B}处做保洁工作，{B}以其工作不认真为由将其辞退，并扣发工资{M}元，引发劳动纠纷。",
      NULL },
    { "要求{B}支付拖欠的工资{M}元。", "要求{B}赔偿医疗费、误工费共计{M}元。", NULL, NULL },
    { "认为工程款尚未结算，暂时无法支付。", "同意支付，但对数额有异议。", NULL, NULL } },
  { "consumer", 30, 200, 30000,
    { "{A}在{B}经营的手机店购买手机，使用一周后出现故障，要求退货，{B}只同意维修，双方发生争执。",
      "{A}在{B}开设的美容店办理会员卡充值{M}元，后该店擅自停业，{A}要求退还余额。",
      "{A}在{B}经营的饭店就餐后腹泻，要求赔偿医疗费{M}元，{B}不予认可。",
      NULL },
    { "要求退货退款。", "要求{B}退还余额{M}元。", "要求{B}赔偿损失并赔礼道歉。", NULL },
    { "同意维修，不同意退货。", "认为不是自己的责任。", NULL, NULL } },
  { "road_traffic", 20, 500, 80000,
    { "{A}驾驶电动自行车与{B}驾驶的小型轿车在路口发生剐蹭，{A}受轻伤，双方因医疗费、修车费{M}元的承担发生纠纷。",
      "{B}驾驶三轮车倒车时撞倒行人{A}，{A}要求赔偿医疗费、误工费等共计{M}元。",
      NULL },
    { "要求{B}赔偿医疗费、误工费等共计{M}元。", "要求{B}承担全部修车费用。", NULL, NULL },
    { "认为对方也有过错，应当分担责任。", "同意承担部分费用。", NULL, NULL } },
  { "neighbour", 100, 200, 20000,
    { "{A}与{B}系上下楼邻居，{B}家夜间噪音较大，{A}多次上门沟通无果，双方发生争吵，引发邻里纠纷。",
      "{A}与{B}系邻居，{B}在公共楼道内堆放杂物，{A}认为影响通行和消防安全，双方发生口角。",
      "{A}与{B}系对门邻居，{B}在楼道安装摄像头对着{A}家门，{A}认为侵犯隐私，双方多次争吵。",
      "{A}家的狗经常在楼道内便溺，邻居{B}多次提出意见未果，双方发生争执，引发邻里纠纷。",
      "{A}与{B}系前后院邻居，因{B}翻建房屋遮挡{A}家采光，双方发生邻里纠纷。",
      "{B}等居民每天清晨在{A}家楼下跳广场舞，音响声音较大，{A}无法正常休息，双方多次发生争吵。",
      NULL },
    { "要求{B}停止侵害，恢复原状。", "要求{B}赔礼道歉。", "要求{B}清理杂物，保持通道畅通。", NULL },
    { "认为自己没有过错。", "同意整改，但要求对方赔礼道歉。", NULL, NULL } },
  { "property_management", 40, 500, 20000,
    { "{A}以小区电梯经常故障、绿化维护不到位为由，拒交物业费{M}元，物业公司多次催缴，双方发生纠纷。",
      "{A}家屋顶漏水，多次要求物业维修未果，遂拒交物业费，与物业工作人员{B}发生争执。",
      "{A}在小区内违规停放车辆，物业工作人员{B}对其车辆上锁，双方发生口角。",
      NULL },
    { "要求物业公司先行维修，赔偿损失{M}元。", "要求{B}赔礼道歉。", NULL, NULL },
    { "要求对方按时缴纳物业费{M}元。", "同意维修，要求对方补交物业费。", NULL, NULL } },
  { "minor_injury", 40, 300, 20000,
    { "{A}与{B}在烧烤摊饮酒时因琐事发生口角，继而相互厮打，双方均受轻微伤。",
      "{A}与{B}因停车位问题发生争吵，{B}推搡{A}致其摔倒受轻微伤，{A}要求赔偿医疗费{M}元。",
      "{A}与{B}在菜市场因排队问题发生口角，继而相互推搡，{A}面部受轻微伤。",
      NULL },
    { "要求对方赔偿医疗费{M}元。", "要求对方赔礼道歉。", NULL, NULL },
    { "要求对方赔偿医疗费。", "认为对方先动手，不同意赔偿。", NULL, NULL } },
  { "housing_homestead", 20, 2000, 200000,
    { "{A}与{B}系邻居，因宅基地界址不清，{B}翻建院墙时占用{A}家部分宅基地，双方发生纠纷。",
      "{A}与{B}因房屋买卖过户手续及尾款{M}元的支付问题发生争执。",
      NULL },
    { "要求{B}拆除占用部分，恢复原状。", "要求{B}支付尾款{M}元。", NULL, NULL },
    { "认为界址清楚，不同意拆除。", "要求对方先办理过户手续。", NULL, NULL } },
  { "medical", 8, 1000, 100000,
    { "{A}在{B}经营的诊所输液后出现不良反应，要求赔偿医疗费及误工费{M}元，双方发生争执。",
      NULL },
    { "要求{B}赔偿医疗费及误工费{M}元。", NULL, NULL, NULL },
    { "认为诊疗行为没有过错。", NULL, NULL, NULL } },
  { "environment", 8, 1000, 50000,
    { "{B}在自家院内经营废品收购站，异味及噪音影响周边居民生活，{A}多次反映未果，引发纠纷。",
      NULL },
    { "要求{B}停止经营，消除影响。", NULL, NULL, NULL },
    { "同意整改，请求给予时间。", NULL, NULL, NULL } },
  { "other", 8, 100, 10000,
    { "{A}与{B}因琐事发生矛盾，双方各执一词，互不相让。",
      NULL },
    { "要求{B}赔礼道歉。", NULL, NULL, NULL },
    { "认为自己没有过错。", NULL, NULL, NULL } },
};

static const char *middle_sentences[] = {
  "双方多次协商未果，矛盾逐渐激化。",
  "双方各执一词，互不相让。",
  "{A}情绪激动，称如不解决将继续上访。",
  "经社区干部劝解未果。",
  "双方均同意接受调解。",
  "双方曾多次发生争吵，邻居劝解无效。",
};

static const char *referrers[] = {
  "东城街道青年路社区居民委员会",
  "东城街道网格化服务管理中心",
  "东城区人民法院诉前调解中心",
  "东城区信访局",
  "东城街道和平路社区居民委员会",
};

static const char *not_accepted_reasons[] = {
  "当事人已就同一纠纷向人民法院起诉，人民法院已经受理。",
  "一方当事人明确拒绝调解。",
  "纠纷属于行政机关依法处理的事项，已告知当事人向有关部门反映。",
};

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
};

static const char *male_given[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
  "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "建国", "建华", "志强", "志明",
  "海涛", "国庆", "文博", "子豪", "宏伟", "永刚", "德明", "立新", "晓东", "振华", "春生",
};

static const char *female_given[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "慧", "颖",
  "倩", "洁", "红", "秀英", "桂英", "玉兰", "秀兰", "淑珍", "丽娟", "晓燕", "春梅", "海燕",
  "雅琴", "欣怡", "梓涵", "美玲", "桂芳", "凤英", "金凤", "慧敏",
};

static const char *given_mid[] = {
  "建", "志", "国", "文", "晓", "海", "春", "明", "永", "德", "玉", "秀", "丽", "俊", "子",
};

static const char *regions[] = {
  "370203", "370202", "370212", "370211", "370213", "370214", "370281", "370283",
  "370102", "370103", "371302", "370783", "410102", "341202", "220102", "110101",
  "320102", "130102", "210102", "510104",
};

static const char *phone_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
  "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177",
  "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198",
  "199",
};

static const char *roads[] = {
  "青年路", "和平路", "光明路", "建设路", "兴隆路", "人民路", "解放路", "幸福路", "东风路",
  "长江路", "黄河路", "胜利路", "文化路", "中山路", "新华路", "延安路", "夜市街", "学府路",
};

static const char *communities[] = {
  "和平花园", "幸福里", "青年路小区", "阳光家园", "锦绣苑", "金色港湾", "东城名苑", "丽景湾",
};

static const char *occupations[] = {
  "个体工商户", "公司职员", "退休职工", "务工人员", "教师", "货车司机", "厨师", "自由职业",
  "农民", "无业", "退休工人", "销售人员", "装修工人", "外卖骑手", "网约车司机", "护士",
  "工程技术人员", "在校学生",
};

static const char *minorities[] = {
  "回族", "满族", "蒙古族", "朝鲜族", "壮族", "土家族",
};

static const char id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check[] = "10X98765432";

typedef struct
{
  const char *name;
  ConcordTeamRole role;
  const char *phone;
  const char *organisation;
} PoolMember;

/* The station's team for generated cases; stored once and reused. */
static const PoolMember pool_members[] = {
  { "黄某某", CONCORD_TEAM_MEDIATOR, "13869821530", "东城街道人民调解委员会" },
  { "高某某", CONCORD_TEAM_MEDIATOR, "13869825172", "东城街道人民调解委员会" },
  { "邵某某", CONCORD_TEAM_MEDIATOR, "15966823017", "东城街道人民调解委员会" },
  { "宋某某", CONCORD_TEAM_MEDIATOR, "13791058462", "东城司法所" },
  { "徐某某", CONCORD_TEAM_OFFICER, "13573906218", "东城派出所" },
  { "郭某某", CONCORD_TEAM_OFFICER, "15806427319", "东城派出所" },
  { "戴某某", CONCORD_TEAM_OFFICER, "15806421184", "东城派出所" },
  { "罗某某", CONCORD_TEAM_LAWYER, "18661950473", "明德律师事务所" },
  { "孔某某", CONCORD_TEAM_LAWYER, "18661957720", "明德律师事务所" },
  { "梁某某", CONCORD_TEAM_NOTE_TAKER, "17806235841", "东城派出所" },
};

typedef struct
{
  GRand       *rand;
  GPtrArray   *pool;         /* of ConcordTeamMember, stored */
  GString     *scratch;
  gint64       now;          /* unix seconds */
} Generator;

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static guint
count_strings (const char * const *strings,
               guint               max)
{
  guint n = 0;

  while (n < max && strings[n] != NULL)
    n++;
  return n;
}

static const char *
pick_string (Generator          *gen,
             const char * const *strings,
             guint               max)
{
  guint n = count_strings (strings, max);

  g_assert (n > 0);
  return strings[g_rand_int_range (gen->rand, 0, (gint32) n)];
}

static void
format_utc (gint64  unix_time,
            char   *buffer,
            gsize   size)
{
  time_t t = (time_t) unix_time;
  struct tm tm;

  gmtime_r (&t, &tm);
  strftime (buffer, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Expands {A} {B} {C} {M} {D} in @template into @out. */
static void
expand (GString     *out,
        const char  *template,
        const char  *a,
        const char  *b,
        const char  *c,
        const char  *amount,
        const char  *date)
{
  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
        {
          const char *value = NULL;

          switch (p[1])
            {
            case 'A': value = a; break;
            case 'B': value = b; break;
            case 'C': value = c; break;
            case 'M': value = amount; break;
            case 'D': value = date; break;
            default: break;
            }
          if (value != NULL)
            {
              g_string_append (out, value);
              p += 2;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
}

static char *
make_name (Generator     *gen,
           ConcordGender  gender)
{
  /* Common surnames are much more common: square the draw towards the head. */
  double r = g_rand_double (gen->rand);
  guint i = (guint) (r * r * G_N_ELEMENTS (surnames));
  const char *surname = surnames[MIN (i, G_N_ELEMENTS (surnames) - 1)];
  const char *given = gender == CONCORD_GENDER_MALE ? PICK (gen, male_given) : PICK (gen, female_given);

  if (g_utf8_strlen (given, -1) == 1 && g_rand_int_range (gen->rand, 0, 100) < 55)
    return g_strconcat (surname, PICK (gen, given_mid), given, NULL);
  return g_strconcat (surname, given, NULL);
}

static char *
make_resident_id (Generator     *gen,
                  const char    *birth_date,
                  ConcordGender  gender)
{
  char id[19];
  guint seq = (guint) g_rand_int_range (gen->rand, 0, 1000);
  guint sum = 0;

  if ((seq % 2 == 1) != (gender == CONCORD_GENDER_MALE))
    seq = (seq + 1) % 1000;

  memcpy (id, PICK (gen, regions), 6);
  /* birth_date is "YYYY-MM-DD" */
  memcpy (id + 6, birth_date, 4);
  memcpy (id + 10, birth_date + 5, 2);
  memcpy (id + 12, birth_date + 8, 2);
  id[14] = '0' + seq / 100;
  id[15] = '0' + (seq / 10) % 10;
  id[16] = '0' + seq % 10;
  for (guint k = 0; k < 17; k++)
    sum += (guint) (id[k] - '0') * (guint) id_weights[k];
  id[17] = id_check[sum % 11];
  id[18] = '\0';
  return g_strdup (id);
}

static char *
make_phone (Generator *gen)
{
  return g_strdup_printf ("%s%08d", PICK (gen, phone_prefixes),
                          g_rand_int_range (gen->rand, 0, 100000000));
}

static char *
make_address (Generator *gen)
{
  if (g_rand_boolean (gen->rand))
    return g_strdup_printf ("东城区%s%d号%d单元%d%02d室", PICK (gen, roads),
                            g_rand_int_range (gen->rand, 1, 200),
                            g_rand_int_range (gen->rand, 1, 6),
                            g_rand_int_range (gen->rand, 1, 19),
                            g_rand_int_range (gen->rand, 1, 5));
  return g_strdup_printf ("东城区%s小区%d号楼%d单元%d%02d室", PICK (gen, communities),
                          g_rand_int_range (gen->rand, 1, 30),
                          g_rand_int_range (gen->rand, 1, 6),
                          g_rand_int_range (gen->rand, 1, 19),
                          g_rand_int_range (gen->rand, 1, 5));
}

static ConcordParty *
make_party (Generator        *gen,
            ConcordPartyRole  role,
            gint64            received)
{
  ConcordParty *party = concord_party_new ();
  char birth[11];
  int age = g_rand_int_range (gen->rand, 19, 82);
  time_t t = (time_t) received;
  struct tm tm;

  gmtime_r (&t, &tm);
  /* Day 1–28 keeps every month valid. */
  g_snprintf (birth, sizeof birth, "%04d-%02d-%02d", tm.tm_year + 1900 - age,
              g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));

  party->kind = CONCORD_PARTY_PERSON;
  party->role = role;
  party->gender = g_rand_boolean (gen->rand) ? CONCORD_GENDER_MALE : CONCORD_GENDER_FEMALE;
  party->name = make_name (gen, party->gender);
  party->ethnicity = g_strdup (g_rand_int_range (gen->rand, 0, 100) < 95 ? "汉族" : PICK (gen, minorities));
  party->birth_date = g_strdup (birth);
  party->id_type = CONCORD_ID_RESIDENT;
  party->id_number = make_resident_id (gen, birth, party->gender);
  party->phone = make_phone (gen);
  party->address = make_address (gen);
  party->occupation = g_strdup (PICK (gen, occupations));
  return party;
}

static const CategoryPhrases *
pick_category (Generator *gen)
{
  guint r = (guint) g_rand_int_range (gen->rand, 0, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      if (r < categories[i].per_mille)
        return &categories[i];
      r -= categories[i].per_mille;
    }
  return &categories[G_N_ELEMENTS (categories) - 1];
}

static ConcordMediationType
pick_mediation_type (Generator             *gen,
                     const CategoryPhrases *category)
{
  int r = g_rand_int_range (gen->rand, 0, 100);

  if (g_str_equal (category->code, "minor_injury"))
    return r < 80 ? CONCORD_MEDIATION_POLICE : CONCORD_MEDIATION_PEOPLE;
  if (g_str_equal (category->code, "contract") || g_str_equal (category->code, "production_business"))
    return r < 65 ? CONCORD_MEDIATION_PEOPLE : r < 80 ? CONCORD_MEDIATION_LAWYER : CONCORD_MEDIATION_SETTLEMENT;
  return r < 86 ? CONCORD_MEDIATION_PEOPLE : r < 95 ? CONCORD_MEDIATION_LAWYER : CONCORD_MEDIATION_SETTLEMENT;
}

static ConcordSource
pick_source (Generator *gen)
{
  int r = g_rand_int_range (gen->rand, 0, 100);

  return r < 45 ? CONCORD_SOURCE_CALL_110 :
         r < 75 ? CONCORD_SOURCE_WALK_IN :
         r < 90 ? CONCORD_SOURCE_REFERRAL : CONCORD_SOURCE_SCREENING;
}

static void
add_team_member (Generator       *gen,
                 ConcordCase     *c,
                 ConcordTeamRole  role)
{
  guint n = 0, chosen;

  for (guint i = 0; i < gen->pool->len; i++)
    if (((ConcordTeamMember *) g_ptr_array_index (gen->pool, i))->role == role)
      n++;
  if (n == 0)
    return;
  chosen = (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
  for (guint i = 0; i < gen->pool->len; i++)
    {
      ConcordTeamMember *member = g_ptr_array_index (gen->pool, i);

      if (member->role == role && chosen-- == 0)
        {
          g_ptr_array_add (c->team, concord_team_member_copy (member));
          return;
        }
    }
}

/* One case received at @received (unix seconds); *stage and *reason say
 * what to decide after saving. */
static ConcordCase *
make_case (Generator    *gen,
           gint64        received,
           ConcordStage *stage,
           const char  **reason)
{
  ConcordCase *c = concord_case_new ();
  const CategoryPhrases *category = pick_category (gen);
  gboolean fight = g_str_equal (category->code, "minor_injury");
  guint n_parties = g_rand_int_range (gen->rand, 0, 100) < 82 ? 2 : 3;
  g_autofree char *amount = NULL;
  char received_iso[32], occurred_iso[32], date[64];
  gint64 occurred;
  ConcordParty *a, *b, *third = NULL;
  time_t t;
  struct tm tm;
  gint64 age_days;

  c->source = pick_source (gen);
  c->mediation_type = pick_mediation_type (gen, category);
  c->category = g_strdup (category->code);

  format_utc (received, received_iso, sizeof received_iso);
  c->received_at = g_strdup (received_iso);
  occurred = received - (c->source == CONCORD_SOURCE_CALL_110
                         ? g_rand_int_range (gen->rand, 10 * 60, 3 * 3600)
                         : g_rand_int_range (gen->rand, 3600, 20 * 86400));
  format_utc (occurred, occurred_iso, sizeof occurred_iso);
  c->occurred_at = g_strdup (occurred_iso);

  /* The date as the facts write it, in Beijing time. */
  t = (time_t) (occurred + 8 * 3600);
  gmtime_r (&t, &tm);
  g_snprintf (date, sizeof date, "%d年%d月%d日", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);

  amount = g_strdup_printf ("%u", (category->amount_min +
                                   (guint) g_rand_int_range (gen->rand, 0,
                                                             (gint32) (category->amount_max - category->amount_min + 1)))
                                  / 100 * 100 + 100);

  a = make_party (gen, fight ? CONCORD_ROLE_PARTY : CONCORD_ROLE_APPLICANT, received);
  b = make_party (gen, fight ? CONCORD_ROLE_PARTY : CONCORD_ROLE_RESPONDENT, received);
  g_ptr_array_add (c->parties, a);
  g_ptr_array_add (c->parties, b);
  if (n_parties == 3)
    {
      third = make_party (gen, fight ? CONCORD_ROLE_PARTY : CONCORD_ROLE_THIRD_PARTY, received);
      g_ptr_array_add (c->parties, third);
    }

  /* Claims name the other side. */
  for (guint i = 0; i < c->parties->len; i++)
    {
      ConcordParty *party = g_ptr_array_index (c->parties, i);
      const char *other = party == a ? b->name : a->name;
      const char *claims;

      if (party->role == CONCORD_ROLE_THIRD_PARTY || g_rand_int_range (gen->rand, 0, 100) >= 85)
        continue;
      claims = party->role == CONCORD_ROLE_RESPONDENT
        ? pick_string (gen, category->respondent_claims, G_N_ELEMENTS (category->respondent_claims))
        : pick_string (gen, category->applicant_claims, G_N_ELEMENTS (category->applicant_claims));
      g_string_truncate (gen->scratch, 0);
      expand (gen->scratch, claims, other, other, other, amount, date);
      concord_set_text (&party->claims, gen->scratch->str);
    }

  g_string_truncate (gen->scratch, 0);
  expand (gen->scratch, pick_string (gen, category->facts, G_N_ELEMENTS (category->facts)),
          a->name, b->name, third ? third->name : b->name, amount, date);
  if (g_rand_int_range (gen->rand, 0, 100) < 60)
    expand (gen->scratch, PICK (gen, middle_sentences), a->name, b->name, b->name, amount, date);
  switch (c->source)
    {
    case CONCORD_SOURCE_CALL_110:
      expand (gen->scratch, "{A}拨打110报警，民警到场后将双方带至调解室。", a->name, b->name, NULL, amount, date);
      c->incident_no = g_strdup_printf ("J%s%04d%02d%02d%04d", "370203", tm.tm_year + 1900, tm.tm_mon + 1,
                                        tm.tm_mday, g_rand_int_range (gen->rand, 1, 10000));
      break;
    case CONCORD_SOURCE_WALK_IN:
      expand (gen->scratch, "{A}到调解室申请调解。", a->name, b->name, NULL, amount, date);
      break;
    case CONCORD_SOURCE_REFERRAL:
      c->referred_by = g_strdup (PICK (gen, referrers));
      g_string_append_printf (gen->scratch, "%s将该纠纷移交调解室调解。", c->referred_by);
      break;
    case CONCORD_SOURCE_SCREENING:
    case CONCORD_N_SOURCES:
    default:
      g_string_append (gen->scratch, "社区民警在矛盾纠纷排查中发现该纠纷，主动介入调解。");
      break;
    }
  c->facts = g_strdup (gen->scratch->str);
  c->place = g_strdup (a->address);

  add_team_member (gen, c, CONCORD_TEAM_MEDIATOR);
  if (c->source == CONCORD_SOURCE_CALL_110 || c->mediation_type == CONCORD_MEDIATION_POLICE)
    add_team_member (gen, c, CONCORD_TEAM_OFFICER);
  if (c->mediation_type == CONCORD_MEDIATION_LAWYER || g_rand_int_range (gen->rand, 0, 100) < 20)
    add_team_member (gen, c, CONCORD_TEAM_LAWYER);
  if (g_rand_int_range (gen->rand, 0, 100) < 30)
    add_team_member (gen, c, CONCORD_TEAM_NOTE_TAKER);

  /* Recent cases are often still waiting for the decision; a few old ones
   * were forgotten there and are overdue. */
  age_days = (gen->now - received) / 86400;
  *reason = NULL;
  if (age_days < 7)
    *stage = g_rand_int_range (gen->rand, 0, 100) < 60 ? CONCORD_STAGE_RECEIVED : CONCORD_STAGE_ACCEPTED;
  else
    {
      int r = g_rand_int_range (gen->rand, 0, 100);

      if (r < 4)
        *stage = CONCORD_STAGE_RECEIVED;
      else if (r < 8)
        {
          *stage = CONCORD_STAGE_NOT_ACCEPTED;
          *reason = PICK (gen, not_accepted_reasons);
        }
      else
        *stage = CONCORD_STAGE_ACCEPTED;
    }

  return c;
}

/* Stores the generator's team once; later runs find them by name and phone. */
static gboolean
prepare_pool (Generator     *gen,
              ConcordStore  *store,
              GError       **error)
{
  g_autoptr(GPtrArray) existing = concord_store_list_members (store, error);

  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pool_members); i++)
    {
      const PoolMember *wanted = &pool_members[i];
      g_autoptr(ConcordTeamMember) member = NULL;

      for (guint j = 0; j < existing->len && member == NULL; j++)
        {
          ConcordTeamMember *stored = g_ptr_array_index (existing, j);

          if (g_strcmp0 (stored->name, wanted->name) == 0 &&
              g_strcmp0 (stored->phone, wanted->phone) == 0)
            member = concord_team_member_copy (stored);
        }
      if (member == NULL)
        {
          member = concord_team_member_new ();
          member->name = g_strdup (wanted->name);
          member->phone = g_strdup (wanted->phone);
          member->organisation = g_strdup (wanted->organisation);
          member->role = wanted->role;
          if (!concord_store_save_member (store, member, "generator", error))
            return FALSE;
        }
      member->role = wanted->role;
      g_ptr_array_add (gen->pool, g_steal_pointer (&member));
    }
  return TRUE;
}

gboolean
concord_generate_cases (ConcordStore *store,
                        guint         n,
                        guint32       seed,
                        void        (*progress) (guint done, guint total, gpointer data),
                        gpointer      progress_data,
                        GError      **error)
{
  g_autoptr(GDateTime) now = NULL;
  Generator gen = { 0 };
  gboolean ok = FALSE;
  gint64 start;
  double step;
  guint done = 0;

  g_return_val_if_fail (CONCORD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n == 0)
    return TRUE;

  now = concord_clock_now ();
  gen.now = g_date_time_to_unix (now);
  gen.rand = g_rand_new_with_seed (seed);
  gen.pool = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_team_member_unref);
  gen.scratch = g_string_sized_new (512);

  if (!prepare_pool (&gen, store, error))
    goto out;

  /* Spread over the last three years, in order, ending an hour ago. */
  start = gen.now - (gint64) SPAN_DAYS * 86400;
  step = (double) ((gint64) SPAN_DAYS * 86400 - 3600) / n;

  while (done < n)
    {
      guint batch_end = MIN (n, done + BATCH_SIZE);

      if (!concord_store_begin_batch (store, error))
        goto out;

      for (; done < batch_end; done++)
        {
          g_autoptr(ConcordCase) c = NULL;
          gint64 received = start + (gint64) ((done + g_rand_double (gen.rand)) * step);
          ConcordStage stage;
          const char *reason;

          c = make_case (&gen, received, &stage, &reason);
          if (!concord_store_save_case (store, c, "generator", error) ||
              (stage == CONCORD_STAGE_ACCEPTED &&
               !concord_store_decide_case (store, c->id, TRUE, NULL, "generator", error)) ||
              (stage == CONCORD_STAGE_NOT_ACCEPTED &&
               !concord_store_decide_case (store, c->id, FALSE, reason, "generator", error)))
            {
              concord_store_rollback_batch (store);
              goto out;
            }

          if (progress != NULL && (done + 1) % PROGRESS_EVERY == 0)
            progress (done + 1, n, progress_data);
        }

      if (!concord_store_commit_batch (store, error))
        {
          concord_store_rollback_batch (store);
          goto out;
        }
    }

  if (progress != NULL && n % PROGRESS_EVERY != 0)
    progress (n, n, progress_data);
  ok = TRUE;

out:
  g_rand_free (gen.rand);
  g_ptr_array_unref (gen.pool);
  g_string_free (gen.scratch, TRUE);
  return ok;
}
