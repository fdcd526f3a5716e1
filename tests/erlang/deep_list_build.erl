-module(deep_list_build).
-export([main/0]).

main() ->
    L = make(1000000),
    erlang:display(length(L)),
    erlang:display(lists:sum(L)),
    R = lists:reverse(L),
    erlang:display({hd(R), hd(L)}),
    T = list_to_tuple(L),
    erlang:display({tuple_size(T), element(500000, T)}),
    B = term_to_binary(lists:sublist(L, 100000)),
    erlang:display(byte_size(B)),
    erlang:display(length(binary_to_term(B))),
    Strs = [integer_to_list(X) || X <- lists:seq(1, 100000)],
    erlang:display(length(lists:flatten(Strs))),
    erlang:display(length(lists:append(Strs))),
    S = lists:sort([X rem 1000 || X <- lists:seq(1, 300000)]),
    erlang:display({hd(S), lists:last(S), length(S)}),
    ok.

make(0) -> [];
make(N) -> [N | make(N - 1)].
