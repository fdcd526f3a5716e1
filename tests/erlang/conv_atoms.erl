-module(conv_atoms).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    erlang:display(atom_to_list(id(hello))),
    erlang:display(atom_to_list(id('Hello World'))),
    erlang:display(atom_to_list(id(''))),
    erlang:display(atom_to_binary(id(hello))),
    erlang:display(atom_to_binary(id('ünï'), utf8)),
    erlang:display(atom_to_binary(id('ünï'), latin1)),
    erlang:display(list_to_atom(id("dynamic_atom"))),
    erlang:display(list_to_atom(id("with space"))),
    erlang:display(list_to_atom(id("UpperStart"))),
    erlang:display(list_to_atom(id(""))),
    erlang:display(list_to_atom(id([1046, 1047]))),
    erlang:display(binary_to_atom(id(<<"from_binary">>))),
    erlang:display(binary_to_atom(id(<<"caf", 195, 169>>), utf8)),
    erlang:display(binary_to_atom(id(<<"caf", 233>>), latin1)),
    erlang:display(list_to_existing_atom(id("hello"))),
    erlang:display(t(fun() -> list_to_existing_atom(id("surely_not_an_existing_atom_xyzzy_42")) end)),
    erlang:display(t(fun() -> binary_to_existing_atom(id(<<"another_missing_atom_qqq_17">>)) end)),
    erlang:display(t(fun() -> atom_to_list(id("str")) end)),
    erlang:display(t(fun() -> list_to_atom(id([a])) end)),
    erlang:display(t(fun() -> binary_to_atom(id(<<255>>), utf8) end)),
    erlang:display(length(atom_to_list(list_to_atom(lists:duplicate(255, $a))))),
    erlang:display(t(fun() -> list_to_atom(lists:duplicate(id(256), $a)) end)),
    erlang:display(['quoted-atom', 'a.b', 'A', '_x', 'x@y', 'x y', 'ok', 'true', [], '[]', 'é', '\n', '\'', 'a\\b']),
    erlang:display([is_atom(X) || X <- [true, 'false', [], "a", nil]]),
    erlang:display(lists:sort([list_to_atom([C]) || C <- "zyxcba"])),
    erlang:display(atom_to_list(list_to_atom("roundtrip")) =:= "roundtrip"),
    erlang:display(list_to_atom("abc") =:= abc),
    erlang:display(binary_to_atom(atom_to_binary(id('Mixed Case'))) =:= 'Mixed Case'),
    ok.
