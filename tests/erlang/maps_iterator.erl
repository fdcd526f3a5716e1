-module(maps_iterator).
-export([main/0]).

main() ->
    M = #{a => 1, b => 2, c => 3},
    I = maps:iterator(M),
    erlang:display(walk(I)),
    Big = maps:from_list([{K, K * 2} || K <- lists:seq(1, 100)]),
    All = walk(maps:iterator(Big)),
    erlang:display(length(All)),
    erlang:display(lists:sort(All) =:= lists:sort(maps:to_list(Big))),
    erlang:display(lists:sum([V || {_, V} <- All])),
    erlang:display(maps:next(maps:iterator(#{}))),
    {K1, V1, _} = maps:next(maps:iterator(#{only => one})),
    erlang:display({K1, V1}),
    erlang:display(take(3, maps:iterator(maps:from_list([{X, X} || X <- lists:seq(1, 10)])))),
    ok.

walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, Next} -> [{K, V} | walk(Next)]
    end.

take(0, _) -> [];
take(N, I) ->
    case maps:next(I) of
        none -> [];
        {K, _, Next} -> [K | take(N - 1, Next)]
    end.
