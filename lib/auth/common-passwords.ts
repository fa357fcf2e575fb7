/**
 * The most common passwords of 8 or more characters (shorter ones are refused by length
 * anyway), drawn from the public breach-frequency lists (NCSC top 100k, SecLists). Compared
 * case-insensitively, so "Password1" is refused like "password1".
 */
const list = `
12345678 123456789 1234567890 12345678910 123123123 11111111 111111111 1111111111 00000000 000000000
0000000000 88888888 87654321 987654321 9876543210 12341234 11223344 112233445566 123321123 147258369
123456789a 123456789q 1234567890q 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1
qwertyui qwertyuiop qwerty123 qwerty12 qwerty1234 qwertyuiop123 asdfghjkl asdfasdf asdf1234 zxcvbnm1
zxcvbnm123 password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword pa55word
password! password1! passwords letmein1 letmein123 welcome1 welcome123 welcome2024 welcome2025 welcome2026
iloveyou iloveyou1 iloveyou2 sunshine sunshine1 princess princess1 football football1 baseball
basketball superman batman123 starwars trustno1 master123 whatever dragon123 monkey123 shadow123
michael1 jennifer jordan23 charlie1 computer internet changeme changeme1 administrator admin123
admin1234 adminadmin administrator1 rootroot root1234 test1234 testtest test12345 guest123 default1
abcd1234 abc12345 abcdefgh abcdefg1 abcdef123 aa123456 a1234567 a12345678 a123456789 q1w2e3r4
q1w2e3r4t5 q1w2e3r4t5y6 1a2b3c4d qazwsxedc qazwsx123 asdfghjk asdf123456 zxcvbnmm 1234qwer
qwer1234 1234abcd 12345qwert 12345abc 123abc123 pass1234 pass12345 passpass mypassword
secret123 secretpassword 987654321a football123 liverpool chelsea1 arsenal1 manchester
soccer123 hockey123 yankees1 cowboys1 steelers mustang1 ferrari1 corvette mercedes
chocolate cookie123 pokemon1 pokemon123 naruto123 minecraft minecraft1 fortnite
samsung1 samsung123 nintendo playstation xbox360 google123 facebook facebook1 linkedin
twitter1 youtube1 instagram spotify1 netflix1 starwars1 matrix123 summer2024 summer2025
summer2026 winter2024 winter2025 winter2026 spring2025 autumn2025 january1 december1
valuestream value-stream valuestream1 valuestream123 lovely123 loveyou1 babygirl1 angel123
blessed1 jesus123 freedom1 hello123 hello1234 helloworld goodluck1 superstar
michelle jessica1 ashley123 daniel123 thomas123 robert123 william1 joshua123 andrew123
qwerty123456 1qaz@wsx p@ssw0rd1 passw0rd1 aaaaaaaa aaaaaaaaa abcabcabc 1234512345
99999999 12121212 123454321 55555555 66666666 77777777 22222222 33333333 44444444
`;

const common = new Set(list.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
