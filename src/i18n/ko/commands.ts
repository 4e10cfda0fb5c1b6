import type { CommandTexts } from '../command-localizations.js';

const DAYS = {
	'0': '일요일',
	'1': '월요일',
	'2': '화요일',
	'3': '수요일',
	'4': '목요일',
	'5': '금요일',
	'6': '토요일',
};
const TIERS = { core: '핵심 개념 (누구나)', implementation: '구현 실습 (코드)', theory: '심화 이론 (수학)' };
const TIER = { name: '수준', description: '설명의 깊이: 핵심 개념(기본), 구현, 이론 중 하나' };
const WEEK_TO_SHOW = { name: '주차', description: '주차 번호 (숫자나 제목의 단어를 입력하세요)' };
const MODEL_TEXT = { name: '텍스트', description: '모델에 넣을 텍스트 (최대 128토큰)' };

/**
 * Korean names and descriptions of every command, option and choice, registered as Discord localisations (`ko`).
 * Names follow Discord's rules: lower case, no spaces, at most 32 characters; words are joined by `-`.
 *
 * Korean names, not the English ones, because Discord's client matches what a member types against both the
 * localised and the default name: a Korean member finds `/토큰화` by typing `/tokenize` too, and the bot's replies,
 * the curriculum and docs keep writing `/tokenize`. What Discord does not localise: command mentions `</tokenize:id>`
 * always show the default name. See docs/commands.md ("Korean command names").
 */
export const koCommands: CommandTexts = {
	help: {
		name: '도움말',
		description: '이 봇으로 할 수 있는 일: 멤버, 발표자, 운영진별 안내',
		options: { command: { name: '명령어', description: '명령어 하나와 그 옵션을 자세히 설명합니다' } },
	},
	about: { name: '봇-정보', description: '이 봇의 버전, 가동 시간, 불러온 모델과 저장소' },
	week: {
		name: '주차',
		description: '한 주차의 페이지: 학습 목표, 핵심 지식, 해 볼 데모, 문제',
		options: {
			number: { name: '번호', description: '몇 주차인지 (기본: 이번 주). 숫자나 제목의 단어를 입력하세요' },
			share: { name: '공유', description: '채널의 모두에게 보여 줍니다 (기본: 나만 보기)' },
		},
	},
	settings: {
		name: '설정',
		description: '스터디 봇의 서버 설정 (운영진)',
		options: {
			show: { name: '보기', description: '현재 설정을 보여 줍니다' },
			roles: {
				name: '역할',
				description: '운영진과 발표자로 인정할 역할을 정합니다',
				options: {
					organizer_role: { name: '운영진-역할', description: '이 역할의 멤버는 일정과 보고서를 관리할 수 있습니다' },
					presenter_role: {
						name: '발표자-역할',
						description: '이 역할의 멤버는 라이브 퀴즈와 발표를 진행할 수 있습니다',
					},
					clear: { name: '초기화', description: '두 역할 설정을 모두 지웁니다' },
				},
			},
			leaderboard: {
				name: '순위표',
				description: '운영진을 순위표에 넣을지 정합니다',
				options: { exclude_organizers: { name: '운영진-제외', description: '운영진을 순위표에서 뺍니다' } },
			},
			tutor: {
				name: '튜터',
				description: '이 서버에서 AI 튜터(/ask, /session, /inject)를 켜거나 끕니다',
				options: { enabled: { name: '켜기', description: '켜기 또는 끄기' } },
			},
			language: {
				name: '언어',
				description: '공개 게시물(주간 게시물, 알림, 라이브 퀴즈, 발표)의 언어',
				options: {
					language: {
						name: '언어',
						description: '영어, 한국어, 또는 서버의 Discord 언어를 따름',
						choices: { en: 'English (영어)', ko: '한국어', server: '서버의 Discord 언어를 따름' },
					},
				},
			},
		},
	},
	schedule: {
		name: '일정',
		description: '주간 게시물, 스레드, 이벤트, 알림 계획 (운영진)',
		options: {
			'show': { name: '보기', description: '채널, 시각, 현재 주차, 다음 게시물' },
			'set': {
				name: '설정',
				description: '주간 게시물을 올릴 곳과 시각, 모임 일정',
				options: {
					channel: { name: '채널', description: '주간 게시물과 스레드를 올릴 텍스트 채널' },
					post_cron: { name: '게시-cron', description: 'cron 형식의 게시 시각: 분 시 일 월 요일. 예: 0 9 * * mon' },
					post_day: { name: '게시-요일', description: '게시 요일 (post_cron 대신)', choices: DAYS },
					post_time: { name: '게시-시각', description: '게시 시각, 24시간제 HH:MM (post_cron 대신)' },
					timezone: { name: '시간대', description: 'IANA 시간대, 예: Asia/Seoul (기본값)' },
					meeting_day: { name: '모임-요일', description: '모임 요일 (기본: 수요일)', choices: DAYS },
					meeting_time: { name: '모임-시각', description: '모임 시각, 24시간제 HH:MM (기본: 21:00)' },
					meeting_minutes: { name: '모임-길이', description: '모임 길이(분) (기본: 90)' },
					meeting_channel: { name: '모임-채널', description: '모임 이벤트를 열 음성 채널이나 스테이지 채널' },
					reminder_minutes: {
						name: '미리-알림',
						description: '모임 몇 분 전에 알릴지. 0이면 알리지 않음 (기본: 60)',
					},
				},
			},
			'start': {
				name: '시작',
				description: '계획 시작: 처음 게시할 주차와 시작 날짜',
				options: {
					week: { name: '주차', description: '처음 게시할 주차 (기본: 1)' },
					date: { name: '날짜', description: '이 날짜부터, YYYY-MM-DD (기본: 오늘)' },
				},
			},
			'pause': { name: '일시정지', description: '재개할 때까지 게시를 멈춥니다 (계획은 그대로 기다립니다)' },
			'resume': {
				name: '재개',
				description: '게시를 다시 시작합니다. 멈춘 사이 게시 시각이 지난 주차는 모임 전이면 바로 올립니다',
			},
			'skip': { name: '건너뛰기', description: '다음 게시를 건너뜁니다. 남은 계획이 한 주씩 밀립니다' },
			'preview': {
				name: '미리보기',
				description: '주차 게시물을 나에게만 미리 보여 줍니다. 아무것도 게시하지 않습니다 (기본: 이번 주)',
				options: { week: WEEK_TO_SHOW },
			},
			'post-now': {
				name: '지금-게시',
				description: '주차 게시물을 지금 공개로 올립니다. 이미 올린 주차는 그 자리에서 고칩니다 (기본: 이번 주)',
				options: {
					week: WEEK_TO_SHOW,
					event: { name: '이벤트', description: '모임 이벤트도 만듭니다 (기본: 만들지 않음)' },
					replace: {
						name: '바꾸기',
						description: '이미 올린 주차: 게시물, 스레드, 이벤트를 지우고 새로 올립니다 (기본: 아니요)',
					},
				},
			},
		},
	},
	ask: {
		name: '질문',
		description: '강의 내용을 AI 튜터에게 묻습니다. 내 수준과 언어에 맞춰 답합니다',
		options: {
			question: { name: '질문', description: '질문 내용' },
			tier: { ...TIER, choices: TIERS },
			language: { name: '언어', description: '답변 언어 (기본: 내 Discord 언어)' },
			week: {
				name: '주차',
				description: '답변의 근거로 삼을 주차 페이지 (기본: 진행 중인 세션의 주차, 또는 가장 가까운 주차)',
			},
		},
	},
	session: {
		name: '세션',
		description: 'AI 튜터와 스레드에서 한 주차를 공부합니다: 핵심 지식을 하나씩, 마지막에 평가',
		options: {
			week: { name: '주차', description: '공부할 주차' },
			tier: { ...TIER, choices: TIERS },
			language: { name: '언어', description: '세션 언어 (기본: 내 Discord 언어)' },
		},
	},
	inject: {
		name: '인젝션',
		description: '3주차 게임: 단계마다 방어하는 모델에게서 비밀을 빼내 보세요',
		options: {
			level: { name: '단계', description: '도전할 단계 (1–5). 비워 두면 순위표를 보여 줍니다' },
			new_secret: { name: '새-비밀', description: '운영진: 이 단계의 비밀을 새로 정합니다 (비밀이 알려진 뒤에)' },
		},
	},
	tokenize: {
		name: '토큰화',
		description: 'GPT, Claude, Llama, Gemma, Qwen, DeepSeek, Mistral 토크나이저가 텍스트를 나누는 방식을 봅니다',
		options: {
			text: { name: '텍스트', description: '나눌 텍스트 (최대 4,000자)' },
			encoding: {
				name: '인코딩',
				description:
					'어떤 토크나이저로 (기본: GPT-4o). compare는 최대 네 개를 쌓아 보고, all은 모든 계열의 토큰 수를 셉니다',
				choices: {
					'gpt-4o': 'GPT-4o (o200k_base)',
					'gpt-4': 'GPT-4 (cl100k_base)',
					'gpt2': 'GPT-2 (r50k_base)',
					'claude': 'Claude (이전 Claude 모델용으로 공개된 토크나이저)',
					'llama-3': 'Llama 3',
					'gemma-3': 'Gemma 3',
					'qwen-3': 'Qwen 3',
					'deepseek-v3': 'DeepSeek-V3',
					'mistral': 'Mistral (Tekken: NeMo, Large 2)',
					'compare': '비교 (계열 옵션에 적은 것, 없으면 OpenAI의 세 가지)',
					'all': '모든 계열: 토큰 수를 나란히',
				},
			},
			families: { name: '계열', description: 'compare와 함께: 최대 네 개, 예: "gpt-4o llama-3 gemma-3 claude"' },
			show: {
				name: '표시',
				description: '토큰과 함께 보여 줄 것 (기본: 토큰과 id)',
				choices: {
					ids: 'id 목록도 텍스트로',
					bytes: '토큰마다 UTF-8 바이트도',
					chat: '대화로: 계열마다 채팅 템플릿, 특수 토큰 표시',
				},
			},
			system: {
				name: '시스템',
				description: 'show:chat과 함께: 시스템 메시지 (기본: “You are a helpful assistant.”)',
			},
		},
	},
	ngram: {
		name: 'n-그램',
		description: '유니그램·바이그램·트라이그램 빈도와 tiny-gpt의 다음 토큰 예측 비교: 문맥이 왜 중요한가',
		options: {
			prompt: { name: '프롬프트', description: '네 모델이 다음 토큰을 맞힐 텍스트' },
		},
	},
	similarity: {
		name: '유사도',
		description: '단어 벡터(임베딩)의 코사인 유사도로 단어를 비교합니다',
		options: {
			words: {
				name: '단어',
				description: '공백이나 쉼표로 나눈 단어, 예: king queen 또는 king - man + woman. openai는 |로 나눈 텍스트',
			},
			mode: {
				name: '모드',
				description: '무엇을 계산할지 (기본: 단어 2개는 pair, 더 많으면 matrix, 1개는 neighbors)',
				choices: {
					pair: 'pair: 두 단어의 코사인 유사도와 공식 (단어 2개)',
					matrix: 'matrix: 모든 쌍의 히트맵 (단어 2–12개)',
					neighbors: 'neighbors: 가장 가까운 단어 10개 (단어 1–3개)',
					map: 'map: 단어와 이웃을 PCA로 2차원에 (단어 1–5개)',
					analogy: 'analogy: king - man + woman 또는 man king woman (단어 3개)',
				},
			},
			engine: {
				name: '엔진',
				description: '누구의 벡터로 (기본: 내장 단어 벡터)',
				choices: {
					local: 'local: GloVe 단어 벡터, 100차원',
					openai: 'openai: 임베딩 모델 (AI 튜터 필요, pair와 matrix만)',
				},
			},
		},
	},
	attention: {
		name: '어텐션',
		description: '각 토큰이 어디를 보는지: 직접 학습한 작은 트랜스포머의 어텐션 맵',
		options: {
			text: { name: '텍스트', description: '모델에 넣을 텍스트 (최대 64토큰)' },
			layer: { name: '층', description: '몇 번째 층인지, 1부터 셉니다 (1 = 입력에 가장 가까운 층, 기본: 1)' },
			head: { name: '헤드', description: '그 층의 몇 번째 헤드인지, 1부터 셉니다 (기본: 1)' },
			view: {
				name: '그림',
				description: '무엇을 그릴지 (기본: 헤드 하나)',
				choices: {
					head: 'head: 헤드 하나의 맵, 토큰 표시',
					heads: 'heads: 층의 모든 헤드와 그 결합',
					steps: 'steps: 헤드 하나의 계산을 숫자로 (처음 8토큰)',
				},
			},
		},
	},
	sample: {
		name: '샘플링',
		description: '토큰을 하나씩 생성하며 확률을 봅니다: 온도, top-k, top-p, min-p, 시드',
		options: {
			prompt: { name: '프롬프트', description: '이어 쓸 텍스트' },
			temperature: {
				name: '온도',
				description: '로짓을 나누는 값: 0 = 그리디 (늘 최상위 토큰), 1 = 그대로 (기본), 2 = 평평하게',
			},
			top_k: { name: '상위-k', description: '가장 그럴듯한 토큰 k개만 남깁니다 (0 = 끔, 기본)' },
			top_p: {
				name: '상위-p',
				description: '확률 합이 p에 이르는 가장 적은 수의 상위 토큰만 남깁니다 (1 = 끔, 기본)',
			},
			min_p: { name: '최소-p', description: 'p ≥ min_p × 최상위 토큰의 p인 토큰만 남깁니다 (0 = 끔, 기본)' },
			seed: { name: '시드', description: '시드가 같으면 결과도 같습니다 (기본: 무작위 시드, 답에 표시)' },
			tokens: { name: '토큰-수', description: '생성할 토큰 수 (기본: 20, 최대 50)' },
			samples: { name: '뽑기-횟수', description: '다음 토큰을 이만큼 뽑아 히스토그램으로 보여 줍니다 (1–200)' },
			strategy: {
				name: '전략',
				description: '다음 토큰을 고르는 방식 (기본: 위 옵션으로 샘플링)',
				choices: {
					sample: 'sample: 토큰마다 무작위로 뽑기 (온도, top-k, top-p, min-p)',
					beam: 'beam: 가장 그럴듯한 시퀀스를 width개 유지하고 그리디와 비교',
				},
			},
			width: { name: '빔-너비', description: '빔 서치: 유지할 시퀀스 수 (기본: 3)' },
			engine: {
				name: '엔진',
				description: '누구의 확률로 (기본: 우리의 작은 모델)',
				choices: {
					local: 'local: 셰익스피어와 톨스토이로 학습한 우리 모델 tiny-gpt',
					openai: 'openai: 실제 모델의 다음 토큰 상위 20개 (AI 튜터 필요)',
				},
			},
		},
	},
	positions: {
		name: '위치-인코딩',
		description: '위치 인코딩: 사인파 공식과 우리 모델이 학습한 위치 임베딩을 나란히',
		options: {
			length: { name: '길이', description: '위치 개수 (기본: 64, 최대 512)' },
			dims: { name: '차원', description: '사인파 인코딩의 차원, 짝수 (기본: 우리 모델의 128)' },
		},
	},
	ffn: {
		name: '피드포워드',
		description: '트랜스포머의 피드포워드 층: 토큰마다 켜지는 은닉 유닛과, 그 유닛을 켜는 것',
		options: {
			text: MODEL_TEXT,
			layer: { name: '층', description: '몇 번째 층인지, 1부터 셉니다 (1 = 입력에 가장 가까운 층, 기본: 2)' },
		},
	},
	residual: {
		name: '잔차-스트림',
		description: '트랜스포머의 잔차 스트림: 층마다 더하는 것과, 예측이 만들어지는 과정 (로짓 렌즈)',
		options: { text: MODEL_TEXT },
	},
	present: {
		name: '발표',
		description: '스레드에서 한 주차 세션을 단계별로 발표합니다. 라이브 데모 포함 (발표자)',
		options: {
			week: { name: '주차', description: '발표할 주차' },
			tier: { name: '수준', description: '처음 설명의 깊이 (기본: 핵심 개념)', choices: TIERS },
		},
	},
	quiz: {
		name: '퀴즈',
		description: '문제은행으로 혼자 연습하거나, 채널에서 라이브 퀴즈를 엽니다 (발표자)',
		options: {
			practice: {
				name: '연습',
				description: '나만 보는 퀴즈: 한 번에 한 문제, 피드백과 해설 포함',
				options: {
					week: { name: '주차', description: '연습할 주차 (기본: 지금까지 게시된 모든 주차)' },
					count: { name: '문항-수', description: '몇 문제를 풀지 (기본: 5)' },
				},
			},
			live: {
				name: '라이브',
				description: '이 채널에서 라이브 퀴즈: 제한 시간, 답 버튼, 순위 (발표자)',
				options: {
					week: { name: '주차', description: '퀴즈를 낼 주차' },
					seconds: { name: '제한-시간', description: '문제당 초 (기본: 20)' },
					count: { name: '문항-수', description: '몇 문제를 낼지 (기본: 전부, 최대 10)' },
					numeric: { name: '숫자-문제', description: '숫자로 답하는 문제도 넣습니다 (기본: 객관식만)' },
				},
			},
			stop: {
				name: '종료',
				description: '이 채널의 라이브 퀴즈를 지금 끝냅니다: 진행 중인 문제의 결과, 그다음 순위 (발표자)',
			},
		},
	},
	review: {
		name: '복습',
		description: '틀린 문제를 간격을 두고 다시 풉니다 (1, 3, 7, 14, 30일)',
		options: { count: { name: '문항-수', description: '복습할 문제 수의 상한 (기본: 10)' } },
	},
	progress: {
		name: '진도',
		description: '진도 카드: 출석, 주차별 퀴즈 숙달, 연속 기록, 데모, 튜터 세션, 다음 할 일',
		options: {
			member: { name: '멤버', description: '누구의 진도인지 (기본: 나)' },
			share: { name: '공유', description: '카드를 채널에 올립니다 (기본: 나만 보기)' },
		},
	},
	leaderboard: {
		name: '순위표',
		description: '퀴즈 점수 순위: 라이브 퀴즈 점수와 연습 점수',
		options: {
			period: {
				name: '기간',
				description: '어느 기간의 답을 셀지 (기본: 이번 주)',
				choices: { week: '이번 주 (월요일부터)', month: '이번 달', all: '전체 기간' },
			},
		},
	},
	checkin: { name: '출석', description: '이번 주 모임에 참석했다고 기록합니다 (모임 중에 열립니다)' },
	report: { name: '보고서', description: '모든 멤버의 진도를 CSV 파일로, 그룹 전체를 개요 차트로 (운영진)' },
};
