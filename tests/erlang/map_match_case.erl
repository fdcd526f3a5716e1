-module(map_match_case).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Config = id(#{port => 8080, host => "localhost", opts => #{debug => true, level => 3}}),
    erlang:display(case Config of #{port := P} when P > 1024 -> {unprivileged, P}; #{port := P} -> {privileged, P} end),
    erlang:display(case Config of #{opts := #{debug := true, level := L}} -> {debug_level, L}; _ -> no_debug end),
    erlang:display(case Config of #{missing := _} -> has_missing; #{host := H} -> {host, H} end),
    #{port := Port, host := Host} = Config,
    erlang:display({Port, Host}),
    erlang:display([V || #{v := V} <- id([#{v => 1}, #{w => 2}, #{v => 3, w => 4}, not_a_map])]),
    erlang:display(count_types(id([#{t => a}, #{t => b}, #{t => a}, #{u => c}]))),
    Key = id(dyn),
    erlang:display(case id(#{dyn => 7}) of #{Key := V} -> {dyn, V} end),
    erlang:display(case id(#{{composite, 1} => x}) of #{{composite, 1} := X} -> {composite, X} end),
    erlang:display(case id(#{1.0 => float}) of #{1 := _} -> int_key; #{1.0 := F} -> {float_key, F} end),
    ok.

count_types(L) ->
    lists:foldl(fun(#{t := T}, Acc) -> maps:update_with(T, fun(N) -> N + 1 end, 1, Acc);
                   (_, Acc) -> maps:update_with(none, fun(N) -> N + 1 end, 1, Acc)
                end, #{}, L).
