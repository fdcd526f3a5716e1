-module(match_literals).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [{config, [{port, 8080}, {host, "localhost"}]}, {config, []}, [1, 2, 3], [1, 2, 3, 4],
            <<"GET / HTTP/1.1">>, <<"POST">>, #{version => 2, mode => fast}, #{version => 1},
            {1.5, "x"}, {"nested", [{<<"deep">>, #{1 => [a]}}]}, {}, [[]], "", <<>>, 'quoted atom',
            {{{}}}, -1, 1 bsl 64],
    [erlang:display({V, lit(V)}) || V <- [id(X) || X <- Vals]],
    ok.

lit({config, [{port, 8080}, {host, "localhost"}]}) -> default_config;
lit({config, []}) -> empty_config;
lit([1, 2, 3]) -> one_two_three;
lit([1, 2, 3 | _]) -> starts_123;
lit(<<"GET ", Path/binary>>) -> {get, Path};
lit(<<"POST">>) -> post;
lit(#{version := 2, mode := fast}) -> v2_fast;
lit(#{version := 1}) -> v1;
lit({1.5, "x"}) -> float_tuple;
lit({"nested", [{<<"deep">>, #{1 := [a]}}]}) -> nested;
lit({}) -> empty_tuple;
lit([[]]) -> list_of_nil;
lit("") -> empty_string;
lit(<<>>) -> empty_binary;
lit('quoted atom') -> quoted;
lit({{{}}}) -> triple_nest;
lit(-1) -> minus_one;
lit(18446744073709551616) -> two_pow_64;
lit(_) -> no_match.
