-module(list_improper).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    I = id([1, 2 | 3]),
    erlang:display(I),
    erlang:display([a | b]),
    erlang:display([[] | []]),
    erlang:display([a | [b | [c | []]]]),
    erlang:display(hd(I)),
    erlang:display(tl(I)),
    erlang:display(tl(tl(I))),
    erlang:display(is_list(I)),
    erlang:display(walk(I)),
    erlang:display(t(fun() -> length(I) end)),
    erlang:display(t(fun() -> lists:reverse(I) end)),
    erlang:display(t(fun() -> hd(id([])) end)),
    erlang:display(t(fun() -> tl(id([])) end)),
    erlang:display(t(fun() -> lists:sum(I) end)),
    erlang:display(t(fun() -> list_to_tuple(I) end)),
    erlang:display(t(fun() -> [X || X <- I] end)),
    erlang:display(t(fun() -> erlang:iolist_size(id([<<"ab">> | <<"cd">>])) end)),
    erlang:display(iolist_to_binary(id([<<"ab">>, $c | <<"de">>]))),
    erlang:display([1 | [2 | [3 | 4]]] =:= [1, 2, 3 | 4]),
    erlang:display(lists:sort([[1 | 2], [1, 2], [1 | 1], [1]])),
    erlang:display(term_to_binary(id([a | b]))),
    erlang:display(binary_to_term(term_to_binary(I)) =:= I),
    ok.

walk([H | T]) -> [H | walk(T)];
walk([]) -> proper_end;
walk(Tail) -> {tail, Tail}.
