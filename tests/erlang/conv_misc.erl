-module(conv_misc).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    erlang:display(tuple_to_list(id({a, {b}, [c]}))),
    erlang:display(list_to_binary(id([1, 2, [3, <<4, 5>>], <<>>, [[[6]]]]))),
    erlang:display(binary_to_list(id(<<"hello">>))),
    erlang:display(binary_to_list(id(<<"hello">>), 2, 4)),
    erlang:display(bitstring_to_list(id(<<1, 2, 3:4>>))),
    erlang:display(list_to_bitstring(id([<<1:1>>, 2, <<3:2>>]))),
    erlang:display(iolist_size(id([<<"abc">>, "de", [$f | <<"g">>]]))),
    erlang:display(iolist_to_binary(id([<<"abc">>, "de", [$f | <<"g">>]]))),
    erlang:display(erlang:iolist_to_iovec(id([<<"abc">>, "de", [$f | <<"g">>]]))),
    erlang:display(t(fun() -> list_to_binary(id([256])) end)),
    erlang:display(t(fun() -> list_to_binary(id([-1])) end)),
    erlang:display(t(fun() -> list_to_binary(id([a])) end)),
    erlang:display(t(fun() -> iolist_to_binary(id(<<1:1>>)) end)),
    erlang:display(t(fun() -> binary_to_list(id(<<"abc">>), 3, 2) end)),
    erlang:display(atom_to_list(node())),
    erlang:display(integer_to_list(id(255), 16) ++ "/" ++ atom_to_list(id(ok))),
    erlang:display(list_to_tuple(binary_to_list(id(<<"xyz">>)))),
    erlang:display(erlang:binary_to_list(term_to_binary(id(x)))),
    erlang:display([binary_to_integer(B) || B <- binary:split(id(<<"1,22,333">>), <<",">>, [global])]),
    erlang:display(list_to_tuple([list_to_atom(integer_to_list(I)) || I <- lists:seq(1, 5)])),
    erlang:display(erlang:list_to_integer(erlang:binary_to_list(erlang:integer_to_binary(id(98765))))),
    erlang:display(size(id(<<1, 2, 3>>))),
    erlang:display(size(id({1, 2, 3}))),
    erlang:display(t(fun() -> size(id([1, 2])) end)),
    ok.
