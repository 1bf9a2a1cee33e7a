"""Bad inputs for helpers.russian.plural."""

from helpers.russian import plural
from tests.bad_input_cases import Bad

CASES = [
    Bad("russian.plural", "float n", lambda env: plural(4.0, "раз", "раза", "раз"), ("«n»", "целое")),
    Bad("russian.plural", "string n", lambda env: plural("4", "раз", "раза", "раз"), ("«n»", "строка '4'")),
    Bad("russian.plural", "form missing", lambda env: plural(4, "раз", None, "раз"), ("«few»", "форма слова")),
    Bad("russian.plural", "bool n", lambda env: plural(True, "раз", "раза", "раз"), ("«n»", "логическое")),
]
